package iobench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.RawHttp;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request size limits and idle timeouts, per server. The Jetty servers (sim, sync, virtual) allow
 * 8 KB of request line plus headers ({@link JavalinServers#MAX_REQUEST_HEADER_BYTES}) and close a
 * connection idle for idle-timeout-s (1 s here). The async server allows an 8 KB request line and
 * 8 KB of headers, answers 400 beyond (Helidon 3.2 does not say which limit was hit), and has no
 * idle timeout on purpose (see AsyncServer): an idle connection costs it a socket, not a thread.
 */
class RequestLimitsTest {
    private static final int SYNC_THREADS = 2;
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final Map<String, Object> SETTINGS = Map.of("idle-timeout-s", 1, "sync-threads", SYNC_THREADS,
            "fanout-threads", 2);
    private static RunningServer sim;
    private static RunningServer sync;
    private static RunningServer virtual;
    private static RunningServer async;
    private static final Http HTTP = new Http();

    @BeforeAll
    static void start() {
        sim = SimServer.start(TestSettings.loopback(SETTINGS), 0);
        var settings = TestSettings.calling(sim.baseUri(), SETTINGS);
        sync = SyncServer.startPlatform(settings, 0);
        virtual = SyncServer.startVirtual(settings, 0);
        async = AsyncServer.start(settings, 0);
    }

    @AfterAll
    static void stop() {
        for (RunningServer server : new RunningServer[] {async, virtual, sync, sim}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static RunningServer server(String role) {
        return switch (role) {
            case "sim" -> sim;
            case "sync" -> sync;
            case "virtual" -> virtual;
            case "async" -> async;
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static Set<Integer> tooLarge(String role) {
        return role.equals("async") ? Set.of(400, 414, 431) : Set.of(414, 431);
    }

    private static void assertRefusedAsTooLarge(String role, RawHttp.Answer answer) {
        assertFalse(answer.timedOut(), role + ": no answer (a hang)");
        assertTrue(tooLarge(role).contains(answer.status()), role + ": status " + answer.status() + " " + answer.head());
        assertTrue(answer.elapsed().compareTo(PROMPT) < 0, role + ": took " + answer.elapsed());
        assertNotNull(Http.parse(answer.body()), role + ": body not JSON: " + answer.body());
        System.out.printf("%-7s over the limit: %d in %d ms%n", role, answer.status(), answer.elapsed().toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sync", "virtual", "async"})
    void aUriOverTheLimitIsRefusedWith414Or431(String role) {
        RunningServer server = server(role);
        String target = "/health?pad=" + "a".repeat(20_000);
        assertRefusedAsTooLarge(role, RawHttp.get(server.baseUri(), target, Duration.ofSeconds(5)));
        // Just under the limit still works.
        RawHttp.Answer ok = RawHttp.get(server.baseUri(), "/health?pad=" + "a".repeat(6_000), Duration.ofSeconds(5));
        assertEquals(200, ok.status(), role + ": " + ok.head());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sync", "virtual", "async"})
    void headersOverTheLimitAreRefusedWith431(String role) {
        RunningServer server = server(role);
        String request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n";
        assertRefusedAsTooLarge(role, RawHttp.send(server.baseUri(), request, Duration.ofSeconds(5)));
        StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (int i = 0; i < 2_000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertRefusedAsTooLarge(role, RawHttp.send(server.baseUri(), many.append("\r\n").toString(),
                Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sync", "virtual"})
    void connectionsThatSendNothingHoldNoThreadAndAreClosedAfterTheIdleTimeout(String role) throws IOException {
        RunningServer server = server(role);
        List<Socket> idle = new ArrayList<>();
        try {
            // More silent connections than the sync server has request threads.
            for (int i = 0; i < SYNC_THREADS + 1; i++) {
                idle.add(connect(server));
            }
            assertAnsweredPromptly(role, server);
            for (Socket socket : idle) {
                assertClosedByServerWithin(socket, Duration.ofSeconds(5), role);
            }
        } finally {
            closeAll(idle);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sync", "virtual"})
    void halfARequestLineHoldsNoThreadAndIsClosedAfterTheIdleTimeout(String role) throws IOException {
        RunningServer server = server(role);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SYNC_THREADS + 1; i++) {
                Socket socket = connect(server);
                socket.getOutputStream().write("GET /benchmark/io-te".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // And one that sent its headers but not the blank line that ends them.
            Socket headers = connect(server);
            headers.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.add(headers);
            assertAnsweredPromptly(role, server);
            for (Socket socket : slow) {
                assertClosedByServerWithin(socket, Duration.ofSeconds(5), role);
            }
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void asyncIdleAndHalfSentConnectionsHoldNoThread() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = connect(async);
                if (i % 2 == 0) {
                    socket.getOutputStream().write("GET /benchmark/io-te".getBytes(StandardCharsets.US_ASCII));
                }
                idle.add(socket);
            }
            assertAnsweredPromptly("async", async);
        } finally {
            closeAll(idle);
        }
    }

    private static void assertAnsweredPromptly(String role, RunningServer server) {
        String path = role.equals("sim") ? "/slow-io?delay=0.01" : "/benchmark/io-test?delay=0.01&concurrent=2";
        Http.Answer answer = HTTP.get(server.baseUri(), path);
        assertEquals(200, answer.status(), role + ": " + answer.body());
        assertTrue(answer.elapsed().compareTo(PROMPT) < 0, role + ": a normal request took " + answer.elapsed()
                + " with silent connections open");
    }

    private static Socket connect(RunningServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.baseUri().getHost(), server.port()), 5_000);
        return socket;
    }

    /** The server closed the connection: a read ends (EOF, or a reset, or a 408 then EOF) before the deadline. */
    private static void assertClosedByServerWithin(Socket socket, Duration within, String role) throws IOException {
        long startNs = System.nanoTime();
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // a 408 or 400 answer before the close is fine
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(role + ": a silent connection was still open after " + within.toMillis() + " ms");
        } catch (IOException e) {
            // reset by the server: closed
        }
        System.out.printf("%-7s closed a silent connection after %d ms%n", role,
                (System.nanoTime() - startNs) / 1_000_000);
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
