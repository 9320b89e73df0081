package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.CliRun;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench against services we did not write, end to end through the command line: a POST service
 * that refuses requests without its token and JSON body, and a service that resets a quarter of
 * its requests, whose failures no retry may hide.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RequestTargetEndToEndTest {
    /** Set for the tests by the build (pom.xml, surefire's environmentVariables). */
    private static final String TOKEN = System.getenv("IOBENCH_TEST_TOKEN");

    @Test
    void aPostWithABearerTokenFromTheEnvironmentReachesAServiceThatRefusesRequestsWithoutIt(@TempDir Path dir)
            throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        service.createContext("/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = exchange.getRequestMethod().equals("POST")
                    && ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && body.matches("\\{\"item\": \"book\", \"id\": [0-9]+, \"delay\": 0\\.0[0-9]{2}}");
            (ok ? accepted : refused).incrementAndGet();
            byte[] answer = (ok ? "{\"created\":true}" : "{\"error\":\"unauthorized\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 201 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        service.start();
        try {
            String yaml = """
                    targets:
                      - name: orders
                        url: http://127.0.0.1:%d/orders
                        model: async
                        method: POST
                        headers:
                          Authorization: 'Bearer ${IOBENCH_TEST_TOKEN}'
                          Content-Type: application/json
                        body: '{"item": "book", "id": {request_id}, "delay": {delay}}'
                        expect: 201
                    defaults: {repetitions: 2, warmup: 1, servers: [orders]}
                    scenarios:
                      - {name: place, kind: clients, delay: 0.02, clients: 4, requests: 20}
                    """.formatted(service.getAddress().getPort());
            Path scenarios = Files.writeString(dir.resolve("orders.yaml"), yaml);
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.context());
            assertEquals(0, refused.get(), "every request carried the token and the body");
            assertTrue(accepted.get() >= 40, "warm-up and two repetitions of 20: " + accepted.get());
            List<String> csv = Files.readAllLines(out.resolve("results.csv"));
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("place,clients,orders,1,")), String.join("\n", csv));
            assertTrue(Files.readString(out.resolve("report.md")).contains("Bearer ${IOBENCH_TEST_TOKEN}"),
                    "the report shows the header as written");
            assertTokenNowhere(out, run);
        } finally {
            service.stop(0);
        }
    }

    @Test
    void anAdHocRunSendsItsMethodHeadersAndBodyAndWritesTheTokenNowhere(@TempDir Path dir) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        service.createContext("/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = exchange.getRequestMethod().equals("PUT")
                    && ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && body.matches("\\{\"id\": [0-9]+, \"note\": \\{\"a\": 1}}");
            (ok ? accepted : refused).incrementAndGet();
            exchange.sendResponseHeaders(ok ? 204 : 401, -1);
            exchange.close();
        });
        service.start();
        try {
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("bench", "--url", "http://127.0.0.1:" + service.getAddress().getPort() + "/orders",
                    "--method", "put", "--header", "Authorization: Bearer ${IOBENCH_TEST_TOKEN}",
                    "--body", "{\"id\": {request_id}, \"note\": {\"a\": 1}}", "--clients", "2", "--requests", "10",
                    "--out", out.toString());
            assertEquals(0, run.exitCode(), run.context());
            assertEquals(0, refused.get(), "every request carried the token and the body");
            assertTrue(accepted.get() >= 10, "the measured requests at least: " + accepted.get());
            assertTokenNowhere(out, run);
        } finally {
            service.stop(0);
        }
    }

    @Test
    void anUnsetVariableStopsTheRunBeforeAnyRequestWithExitTwo(@TempDir Path dir) throws Exception {
        String yaml = """
                targets:
                  - {name: svc, url: 'http://127.0.0.1:9/x', model: async, headers: {X-Key: '${IOBENCH_SURELY_UNSET_KEY}'}}
                defaults: {servers: [svc]}
                scenarios:
                  - {name: c, kind: clients, delay: 0.02, clients: 2}
                """;
        Path scenarios = Files.writeString(dir.resolve("unset.yaml"), yaml);
        CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.context());
        assertTrue(run.err().contains("${IOBENCH_SURELY_UNSET_KEY}") && run.err().contains("not set"), run.context());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aServiceThatResetsAQuarterOfItsRequestsShowsAsFailingAndNoRetryHidesIt(@TempDir Path dir) throws Exception {
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0)) {
            HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    sim.baseUri().resolve("/profile?reset_rate=0.25")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, set.statusCode(), set.body());
            String yaml = """
                    targets:
                      - {name: flaky, url: '%s/slow-io?delay={delay}', model: async}
                    defaults: {repetitions: 1, warmup: 1, servers: [flaky]}
                    scenarios:
                      - {name: c, kind: clients, delay: 0.02, clients: 4, requests: 80}
                    """.formatted(sim.baseUri().resolve("/").toString().replaceAll("/$", ""));
            Path scenarios = Files.writeString(dir.resolve("flaky.yaml"), yaml);
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString());
            assertEquals(1, run.exitCode(), run.context());
            List<String> csv = Files.readAllLines(out.resolve("results.csv"));
            List<String> columns = List.of(csv.get(0).split(","));
            String[] measured = csv.stream().skip(1).map(l -> l.split(",", -1))
                    .filter(f -> f[0].equals("c") && f[3].equals("1")).findFirst().orElseThrow();
            int failed = Integer.parseInt(measured[columns.indexOf("failed")]);
            // 80 requests, each reset with probability 1/4: no failure at all has odds of (3/4)^80, about 1e-10.
            assertTrue(failed > 0, String.join("\n", csv));
            assertTrue(measured[columns.indexOf("errors")].contains("reset="), String.join("\n", csv));
            assertEquals("0", measured[columns.indexOf("stale_retries")], "a connection in use that is reset is a failure");
            assertTrue(Files.readString(out.resolve("report.md")).contains("not valid"), "the scenario is not valid");
        }
    }

    /** No file the run wrote, and nothing it printed, holds the token's value. */
    private static void assertTokenNowhere(Path out, CliRun run) throws IOException {
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), "printed the token");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(TOKEN), file + " holds the token");
            }
        }
    }
}
