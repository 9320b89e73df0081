package iobench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP/1.x server on 127.0.0.1 that behaves as servers we did not write do, one
 * {@link Behaviour} for all its connections: keeps them alive, closes them after each answer as an
 * HTTP/1.0 server or with {@code Connection: close}, or breaks the second request on a connection
 * after part of its answer. Every request head it read is kept, for tests that check what was sent.
 */
public final class ScriptedHttpServer implements AutoCloseable {
    public enum Behaviour {
        /** HTTP/1.1, keep-alive: every request answered on the same connection. */
        KEEP_ALIVE,
        /** Keep-alive, and a connection idle for {@link #IDLE_CLOSE_MS} closed, as Gunicorn does after 2 s. */
        CLOSE_IDLE,
        /** An HTTP/1.0 answer without keep-alive, then the connection closed, as Python's http.server does. */
        HTTP_1_0,
        /** HTTP/1.1 with {@code Connection: close}, then the connection closed. */
        CONNECTION_CLOSE,
        /** The first request on a connection answered; the next gets half a status line, then the connection closes. */
        PARTIAL_ON_REUSE
    }

    /**
     * The idle timeout of {@link Behaviour#CLOSE_IDLE}: long enough that a request sent right after
     * an answer meets an open connection even on a busy machine.
     */
    public static final int IDLE_CLOSE_MS = 600;
    private static final byte[] BODY = "{\"message\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

    private final Behaviour behaviour;
    private final boolean https;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public ScriptedHttpServer(Behaviour behaviour) throws IOException {
        this(behaviour, null);
    }

    /** @param tls null for plain HTTP; else the server speaks https with this context's certificate */
    public ScriptedHttpServer(Behaviour behaviour, javax.net.ssl.SSLContext tls) throws IOException {
        this.behaviour = behaviour;
        this.https = tls != null;
        this.listener = tls == null ? new ServerSocket(0, 100, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("scripted-acceptor").start(this::accept);
    }

    public URI baseUri() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + listener.getLocalPort());
    }

    public int connections() {
        return connections.get();
    }

    /** Every request head read, in order (request line and headers). */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** Every request body read, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().name("scripted-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int request = 0; ; request++) {
                if (behaviour == Behaviour.CLOSE_IDLE && request > 0) {
                    socket.setSoTimeout(IDLE_CLOSE_MS);
                }
                String head;
                try {
                    head = readHead(in);
                } catch (java.net.SocketTimeoutException idle) {
                    return; // closes the idle connection, as a server's keep-alive timer does
                }
                if (head == null) {
                    return;
                }
                heads.add(head);
                bodies.add(new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8));
                switch (behaviour) {
                    case KEEP_ALIVE, CLOSE_IDLE -> answer(out, "HTTP/1.1 200 OK", "Connection: keep-alive");
                    case HTTP_1_0 -> {
                        answer(out, "HTTP/1.0 200 OK", null);
                        return;
                    }
                    case CONNECTION_CLOSE -> {
                        answer(out, "HTTP/1.1 200 OK", "Connection: close");
                        return;
                    }
                    case PARTIAL_ON_REUSE -> {
                        if (request > 0) {
                            out.write("HTTP/1.1 2".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            return;
                        }
                        answer(out, "HTTP/1.1 200 OK", "Connection: keep-alive");
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    private static void answer(OutputStream out, String statusLine, String connection) throws IOException {
        out.write((statusLine + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length + "\r\n"
                + (connection == null ? "" : connection + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(BODY);
        out.flush();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    /** One request head, or null at the end of the stream. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
