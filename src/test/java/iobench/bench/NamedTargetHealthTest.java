package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench asks every named target for one request of its template before any load, as it asks our
 * servers for /health: a target that does not answer stops the run with one line naming it and its
 * URL, the exit code of a server that fails its health check, and no report.
 */
class NamedTargetHealthTest {

    /** A port nothing listens on: opened by the OS, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Answers 200 (or {@code status}) at /work, after ?s= seconds, and keeps every query it saw. */
    private static HttpServer service(Queue<String> queries, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/work", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            try {
                Thread.sleep((long) (Double.parseDouble(query.replaceAll(".*s=([0-9.]+).*", "$1")) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private record Ran(int exit, String err, Path out) {
    }

    private static Ran bench(Path dir, String... targets) throws IOException {
        Path scenarios = Files.writeString(dir.resolve("s.yaml"), """
                defaults: {repetitions: 1, warmup: 1, servers: [live, ghost]}
                scenarios:
                  - {name: c, kind: clients, delay: 0.02, clients: 2, requests: 4}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("bench", "--scenarios", scenarios.toString(),
                "--out", out.toString()));
        for (String t : targets) {
            args.add("--target");
            args.add(t);
        }
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new Ran(exit, err.toString(), out);
    }

    private static void assertNoReport(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.toList(), "the report directory must stay empty");
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTargetThatRefusesConnectionsStopsTheBenchBeforeAnyLoad(@TempDir Path dir) throws IOException {
        Queue<String> queries = new ConcurrentLinkedQueue<>();
        HttpServer live = service(queries, 200);
        try {
            String ghostUrl = "http://127.0.0.1:" + closedPort() + "/x?delay={delay}";
            Ran r = bench(dir, "live=http://127.0.0.1:" + live.getAddress().getPort() + "/work?s={delay}",
                    "ghost=" + ghostUrl);
            assertEquals(3, r.exit(), r.err());
            // The list of servers names it too ("  ghost: GET ..."); the refusal is the one line of its own.
            List<String> lines = r.err().lines().filter(l -> l.contains("ghost") && !l.startsWith("  ")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("iobench: the named target ghost at " + ghostUrl
                    + " does not answer (refused: "), r.err());
            // one line, as the built-in health failure: no stack trace
            assertFalse(r.err().lines().anyMatch(l -> l.startsWith("\tat ")), r.err());
            assertNoReport(r.out());
            // live had its one probe at most, with the scenario's delay, and no run's request
            assertTrue(queries.size() <= 1 && queries.stream().allMatch(q -> q.equals("s=0.020")), queries::toString);
        } finally {
            live.stop(0);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTargetThatAnswersAnHttpErrorStopsTheBenchToo(@TempDir Path dir) throws IOException {
        Queue<String> liveQueries = new ConcurrentLinkedQueue<>();
        Queue<String> brokenQueries = new ConcurrentLinkedQueue<>();
        HttpServer live = service(liveQueries, 200);
        HttpServer broken = service(brokenQueries, 500);
        try {
            String brokenUrl = "http://127.0.0.1:" + broken.getAddress().getPort() + "/work?s={delay}";
            Ran r = bench(dir, "live=http://127.0.0.1:" + live.getAddress().getPort() + "/work?s={delay}",
                    "ghost=" + brokenUrl);
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("the named target ghost at " + brokenUrl + " answered HTTP 500; "), r.err());
            assertNoReport(r.out());
            assertEquals(List.of("s=0.020"), List.copyOf(brokenQueries), "one probe, no load");
            assertTrue(liveQueries.size() <= 1, liveQueries::toString);
        } finally {
            live.stop(0);
            broken.stop(0);
        }
    }
}
