package iobench.bench.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A plain TCP socket that counts the bytes it has read. The generator needs exactly one fact that
 * no HTTP client reports: whether any byte of an answer came back before a request failed. On a
 * reused HTTP/1.1 connection, none means the server had closed it while it sat idle (RFC 9112
 * §9.3.1), and the request may be sent again; one or more means a real failure.
 */
final class CountingSocket extends Socket {
    /** Written only by the one thread that reads the connection at a time; read by the same or a later one. */
    private volatile long bytesRead;
    private InputStream counting;

    /** Bytes read from this socket since it was opened; -1 for a socket that is not one of these. */
    static long bytesRead(Socket socket) {
        return socket instanceof CountingSocket s ? s.bytesRead : -1;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (counting == null) {
            counting = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytesRead++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        bytesRead += n;
                    }
                    return n;
                }
            };
        }
        return counting;
    }
}
