package iobench.bench.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A plain TCP socket that knows what no HTTP client reports: how many bytes it has read, when it
 * last read one, and whether the server has closed it while it sat idle in the pool. On a reused
 * HTTP/1.1 connection, a failure before any byte of the answer means the server closed it idle
 * (RFC 9112 §9.3.1), and the request may be sent again; one or more bytes mean a real failure.
 */
final class CountingSocket extends Socket {
    /** How long a peek for the server's close waits for an answer from the kernel: it is already there or not. */
    private static final int PEEK_TIMEOUT_MS = 1;

    /** Written only by the one thread that uses the connection at a time; read by the same or a later one. */
    private volatile long bytesRead;
    private volatile long lastReadNs = System.nanoTime();
    private CountingStream counting;

    /** Bytes read from this socket since it was opened; -1 for a socket that is not one of these. */
    static long bytesRead(Socket socket) {
        return socket instanceof CountingSocket s ? s.bytesRead : -1;
    }

    /** How long since the socket last read a byte (or was opened); 0 for a socket that is not one of these. */
    static long idleNs(Socket socket) {
        return socket instanceof CountingSocket s ? System.nanoTime() - s.lastReadNs : 0;
    }

    /**
     * Whether the server has closed the connection: its FIN (or RST) is waiting to be read. Nothing
     * is consumed: a byte that is there instead (a server's unsolicited 408) is kept for the next
     * read. OkHttp checks this only before a request other than GET; the generator checks every
     * reused connection, so that a request is not sent on one the server has closed.
     */
    static boolean closedByPeer(Socket socket) {
        if (!(socket instanceof CountingSocket s) || s.isClosed() || s.isInputShutdown()) {
            return socket != null && socket.isClosed();
        }
        try {
            return s.stream().peekEnd();
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

    /** The socket's input, counted, with room for one byte read ahead by a peek. */
    private final class CountingStream extends FilterInputStream {
        private int peeked = -1;

        CountingStream(InputStream in) {
            super(in);
        }

        boolean peekEnd() throws IOException {
            if (peeked >= 0 || in.available() > 0) {
                return false;
            }
            int timeoutMs = getSoTimeout();
            setSoTimeout(PEEK_TIMEOUT_MS);
            try {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                peeked = b;
                return false;
            } catch (SocketTimeoutException e) {
                return false; // nothing waiting: the connection is open
            } finally {
                setSoTimeout(timeoutMs);
            }
        }

        @Override
        public int read() throws IOException {
            if (peeked >= 0) {
                int b = peeked;
                peeked = -1;
                counted(1);
                return b;
            }
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (peeked >= 0) {
                buffer[offset] = (byte) peeked;
                peeked = -1;
                counted(1);
                return 1;
            }
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return (peeked >= 0 ? 1 : 0) + in.available();
        }

        private void counted(int n) {
            bytesRead += n;
            lastReadNs = System.nanoTime();
        }
    }
}
