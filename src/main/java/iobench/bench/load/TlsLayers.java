package iobench.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JVM's TLS sockets, each recorded over the {@link CountingSocket} it runs on, so that an
 * https connection is known reused, idle or closed by its server as a plain one is.
 */
final class TlsLayers extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    TlsLayers(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Socket createSocket(Socket raw, String host, int port, boolean autoClose) throws IOException {
        Socket tls = delegate.createSocket(raw, host, port, autoClose);
        CountingSocket.layered(tls, raw);
        return tls;
    }

    @Override
    public Socket createSocket(Socket raw, InputStream consumed, boolean autoClose) throws IOException {
        Socket tls = delegate.createSocket(raw, consumed, autoClose);
        CountingSocket.layered(tls, raw);
        return tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
