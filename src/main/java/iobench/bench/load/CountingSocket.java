package iobench.bench.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A plain TCP socket that knows what no HTTP client reports: how many bytes it has read, when it
 * last read one, how many exchanges it has carried, and whether the server has closed it while it
 * sat idle in the pool. A TLS connection is layered over one of these ({@link TlsLayers}), so the
 * same facts hold for https. On a reused HTTP/1.1 connection, a failure before any byte of the
 * answer means the server closed it idle (RFC 9112 §9.3.1); one or more bytes mean a real failure.
 */
final class CountingSocket extends Socket {
    /** How long a peek for the server's close waits for the kernel: the close is already there or not. */
    private static final int PEEK_TIMEOUT_MS = 1;
    /** The TLS socket layered over each counting socket, to find the counts from the socket OkHttp holds. */
    private static final Map<Socket, CountingSocket> LAYERED = new WeakHashMap<>();

    /** Written only by the one thread that uses the connection at a time; read by the same or a later one. */
    private volatile long bytesRead;
    private volatile long lastReadNs = System.nanoTime();
    private volatile int exchanges;
    private CountingStream counting;

    /** The counting socket under {@code socket}: itself, the one a TLS socket is layered over, or null. */
    static CountingSocket of(Socket socket) {
        if (socket instanceof CountingSocket s) {
            return s;
        }
        synchronized (LAYERED) {
            return LAYERED.get(socket);
        }
    }

    /** {@code tls} runs over {@code raw}. */
    static void layered(Socket tls, Socket raw) {
        if (raw instanceof CountingSocket s) {
            synchronized (LAYERED) {
                LAYERED.put(tls, s);
            }
        }
    }

    long bytesRead() {
        return bytesRead;
    }

    /** How long since the socket last read a byte, or was opened. */
    long idleNs() {
        return System.nanoTime() - lastReadNs;
    }

    /** Counts an exchange starting on this connection; returns how many it carried before. */
    int startExchange() {
        return exchanges++;
    }

    /**
     * Whether the server is done with this idle connection: its close (FIN or RST) is waiting to
     * be read, or bytes nobody asked for are (a {@code 408 Request Timeout}, a TLS close_notify),
     * which servers send before they close an idle connection. OkHttp checks the close only before
     * a request other than GET; the generator checks every reused connection, so that a request is
     * not sent on one the server has closed. A connection found done is closed: what it read is lost.
     */
    boolean doneWhileIdle() {
        if (isClosed() || isInputShutdown()) {
            return true;
        }
        try {
            return stream().peekDone();
        } catch (IOException e) {
            return true; // reset, or otherwise unusable
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return stream();
    }

    private synchronized CountingStream stream() throws IOException {
        if (counting == null) {
            counting = new CountingStream(super.getInputStream());
        }
        return counting;
    }

    /** The socket's input, counted. */
    private final class CountingStream extends FilterInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        boolean peekDone() throws IOException {
            if (in.available() > 0) {
                return true;
            }
            int timeoutMs = getSoTimeout();
            setSoTimeout(PEEK_TIMEOUT_MS);
            try {
                in.read(); // EOF or a byte: either way the server is done with it
                return true;
            } catch (SocketTimeoutException e) {
                return false; // nothing waiting: the connection is open
            } finally {
                setSoTimeout(timeoutMs);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            bytesRead += n;
            lastReadNs = System.nanoTime();
        }
    }
}
