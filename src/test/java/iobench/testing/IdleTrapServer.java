package iobench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A downstream that answers every request at once with a small keep-alive JSON 200, and makes the
 * race of an idle timeout deterministic: a request that arrives on a connection idle for
 * {@code idleTimeoutMs} or longer is not answered, the connection is closed. A real server closes
 * such a connection on its own timer; a client that sends on it at that moment sees the same reset,
 * only by chance. A client that lets go of idle connections before the server's idle timeout never
 * meets this trap.
 */
public final class IdleTrapServer implements AutoCloseable {
    private static final byte[] BODY = "{\"message\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

    private final long idleTimeoutMs;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger trapped = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    public IdleTrapServer(long idleTimeoutMs) throws IOException {
        this.idleTimeoutMs = idleTimeoutMs;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("idle-trap-acceptor").start(this::accept);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Requests that met a connection idle for the timeout or longer, and got it closed instead of an answer. */
    public int trapped() {
        return trapped.get();
    }

    public int connections() {
        return connections.get();
    }

    public int answered() {
        return answered.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().name("idle-trap-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            long idleSinceNs = System.nanoTime(); // open, or the last answer sent
            while (true) {
                if (!readHead(in)) {
                    return;
                }
                if ((System.nanoTime() - idleSinceNs) / 1_000_000 >= idleTimeoutMs) {
                    trapped.incrementAndGet();
                    return; // closes the connection, the request unanswered
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
                        + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
                out.flush();
                answered.incrementAndGet();
                idleSinceNs = System.nanoTime();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    /** Reads one request head (GETs only, no body); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        return ScriptedHttpServer.readHead(in) != null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
