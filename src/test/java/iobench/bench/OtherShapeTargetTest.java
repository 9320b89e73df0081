package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.cli.Cli;
import iobench.testing.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named target of another shape: a plain-text service on its own path and parameter names,
 * benched with our virtual server from one scenario file. Its figures are the client's alone and
 * the report says so; the template's placeholders reach it filled per request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherShapeTargetTest {
    private HttpServer plain;
    /** Every query the plain service saw, in the order it saw them. */
    private final Queue<String> queries = new ConcurrentLinkedQueue<>();
    /** Those of the bench run by {@link #runTheBench} alone (the tests below run benches of their own). */
    private List<String> benchQueries = List.of();
    private int exitCode;
    private String context;
    private List<Map<String, String>> rows;
    private String markdown;

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runTheBench(@TempDir Path dir) throws IOException {
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        plain.createContext("/work", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            double seconds = Double.parseDouble(query.replaceAll(".*secs=([0-9.]+).*", "$1"));
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "done\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        String yaml = """
                targets:
                  - name: plain
                    url: http://127.0.0.1:%d/work?secs={delay}&width={concurrent}&how={strategy}&id={request_id}
                    model: async
                defaults:
                  repetitions: 2
                  warmup: 1
                  servers: [plain, virtual]
                  baseline: plain
                scenarios:
                  - {name: fan, kind: fan-out, delay: 0.05, concurrent: 4}
                  - {name: clients-6, kind: clients, delay: 0.05, clients: 6}
                  - {name: steady, kind: rate, delay: 0.02, rate: 20, duration: 500ms}
                """.formatted(plain.getAddress().getPort());
        Path scenarios = Files.writeString(dir.resolve("plain.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString());
        exitCode = run.exitCode();
        benchQueries = List.copyOf(queries);
        context = run.context();
        List<String> csv = Files.exists(out.resolve("results.csv")) ? Files.readAllLines(out.resolve("results.csv"))
                : List.of();
        rows = new ArrayList<>();
        if (!csv.isEmpty()) {
            List<String> header = Arrays.asList(csv.get(0).split(",", -1));
            for (String line : csv.subList(1, csv.size())) {
                String[] fields = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < fields.length; i++) {
                    row.put(header.get(i), fields[i]);
                }
                if (row.get("phase").equals("measured")) {
                    rows.add(row);
                }
            }
        }
        markdown = Files.exists(out.resolve("report.md")) ? Files.readString(out.resolve("report.md")) : "";
    }

    @AfterAll
    void stop() {
        if (plain != null) {
            plain.stop(0);
        }
    }

    private List<Map<String, String>> rows(String scenario, String server) {
        return rows.stream().filter(r -> r.get("scenario").equals(scenario) && r.get("server").equals(server)).toList();
    }

    @Test
    void theBenchRunsBothContendersAndNamesThemInResultsCsv() {
        assertEquals(0, exitCode, context);
        for (String scenario : List.of("fan", "clients-6")) {
            assertEquals(2, rows(scenario, "plain").size(), context);
            assertEquals(2, rows(scenario, "virtual").size(), context);
        }
    }

    @Test
    void aFanOutAnswerOfAnotherShapeCountsTheClientsFiguresAloneAndTheReportSaysSo() {
        for (Map<String, String> r : rows("fan", "plain")) {
            assertEquals("4", r.get("successful"), context);
            assertEquals("0", r.get("failed"), context);
            assertEquals("", r.get("server_duration_s"), context);
            assertTrue(Double.parseDouble(r.get("duration_s")) >= 0.05, context);
            // model: async, one wave of the delay
            assertEquals(0.05, Double.parseDouble(r.get("model_duration_s")), 1e-9, context);
        }
        assertTrue(markdown.contains("fan, plain: its answers carry no timing.total_duration, so its durations are the "
                + "client's alone; where they carry no results either, each successful request counted as its K calls."), markdown);
        assertTrue(markdown.contains("| plain model | async (one wave) |"), markdown);
    }

    @Test
    void thePlaceholdersAreFilledPerRequest() {
        String all = String.join("\n", benchQueries);
        // fan: one request of four calls per repetition; clients-6 and steady: requests of one call each
        assertEquals(2, benchQueries.stream().filter(q -> q.matches("secs=0\\.050&width=4&how=sequential&id=[0-9]+"))
                .count(), all);
        assertTrue(benchQueries.stream().filter(q -> q.matches("secs=0\\.050&width=1&how=sequential&id=[0-9]+"))
                .count() >= 12, all);
        assertTrue(benchQueries.stream().filter(q -> q.matches("secs=0\\.020&width=1&how=sequential&id=[0-9]+"))
                .count() >= 20, all);
    }

    @Test
    void everyRequestOfTheBenchHasARequestIdOfItsOwn() {
        // Across the probe, the warm-ups, both repetitions and all three kinds: no id twice.
        List<Long> ids = benchQueries.stream().map(q -> Long.parseLong(q.replaceAll(".*&id=([0-9]+)$", "$1"))).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), String.join("\n", benchQueries));
        assertTrue(ids.stream().allMatch(id -> id > 0), ids::toString);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneTargetOptionAndAScenarioFileBenchAServiceOfOurOwn(@TempDir Path dir) throws IOException {
        Path scenarios = Files.writeString(dir.resolve("mine.yaml"), """
                defaults: {repetitions: 1, warmup: 0, servers: [mine]}
                scenarios:
                  - {name: c3, kind: clients, delay: 0.02, clients: 3}
                """, StandardCharsets.UTF_8);
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int exit = Cli.create(new PrintWriter(outText, true), new PrintWriter(errText, true)).execute("bench",
                "--target", "mine=http://127.0.0.1:" + plain.getAddress().getPort() + "/work?secs={delay}&id={request_id}",
                "--scenarios", scenarios.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, exit, errText::toString);
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("results.csv"));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("c3,clients,mine,1,")), csv::toString);
        assertTrue(queries.stream().anyMatch(q -> q.matches("secs=0\\.020&id=[0-9]+")), queries::toString);
    }

    /** A --target that no scenario lists would be dropped without a word: refused before anything runs. */
    @Test
    void aTargetOptionThatNoScenarioListsIsRefused(@TempDir Path dir) throws IOException {
        Path scenarios = Files.writeString(dir.resolve("mine.yaml"),
                "scenarios:\n  - {name: c, kind: clients, delay: 0.02, clients: 1, servers: [virtual]}\n");
        StringWriter errText = new StringWriter();
        int exit = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(errText, true))
                .execute("bench", "--target", "mine=http://127.0.0.1:1/x?d={delay}", "--scenarios", scenarios.toString(),
                        "--out", dir.resolve("out").toString());
        assertEquals(2, exit, errText::toString);
        assertEquals("iobench: --target 'mine=http://127.0.0.1:1/x?d={delay}': no scenario of " + scenarios
                + " lists mine; expected it in defaults.servers or a scenario's servers", errText.toString().strip());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aBadTargetOptionIsOneLineNamingTheValueAndExit2(@TempDir Path dir) throws IOException {
        Path scenarios = Files.writeString(dir.resolve("mine.yaml"),
                "scenarios:\n  - {name: c, kind: clients, delay: 0.02, clients: 1, servers: [mine]}\n");
        for (String bad : List.of("mine", "mine=ftp://h/x", "sync=http://h/x", "mine=http://h/x?d={secs}")) {
            StringWriter errText = new StringWriter();
            int exit = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(errText, true))
                    .execute("bench", "--target", bad, "--scenarios", scenarios.toString(),
                            "--out", dir.resolve("out").toString());
            assertEquals(2, exit, errText::toString);
            String err = errText.toString().strip();
            assertTrue(err.contains("--target '" + bad + "'") && !err.contains("\n") && !err.contains("Exception"), err);
        }
    }

    @Test
    void aTargetOptionWithoutConcurrentInAFanOutIsOneLineWithItsPlaceAndExit2(@TempDir Path dir) throws IOException {
        Path scenarios = Files.writeString(dir.resolve("fan.yaml"), """
                defaults: {repetitions: 1, warmup: 0, servers: [mine]}
                scenarios:
                  - {name: f, kind: fan-out, delay: 0.02, concurrent: 4}
                """, StandardCharsets.UTF_8);
        StringWriter errText = new StringWriter();
        // A service that answers 2xx: without the refusal the bench would run and count each answer as 4 calls.
        int exit = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(errText, true)).execute("bench",
                "--target", "mine=http://127.0.0.1:" + plain.getAddress().getPort() + "/work?secs={delay}",
                "--scenarios", scenarios.toString(), "--out", dir.resolve("out").toString());
        String err = errText.toString().strip();
        assertEquals(2, exit, err);
        assertTrue(err.contains("fan.yaml:1:49: defaults.servers: fan-out scenario 'f' lists target 'mine', whose URL "
                + "(from --target)") && err.contains("has no {concurrent}") && !err.contains("\n"), err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing may run");
    }

    @Test
    void speedupsAreMeasuredAgainstTheFilesBaseline() {
        // Every scenario's baseline is plain: "How to read this" names it once, no note repeats it per scenario.
        assertFalse(markdown.contains("speedups are against plain"), markdown);
        assertTrue(markdown.contains("| server vs plain | suite |"), markdown);
        // The Summary's sentences name the baseline too, not our sync server.
        assertTrue(markdown.contains("**virtual** was on average ") && markdown.contains(" plain (range "), markdown);
        assertFalse(markdown.contains("the sync server"), markdown);
        assertTrue(markdown.contains("*Speedup* compares each server with the plain server: for fan-out it is plain "
                + "duration / its duration"), markdown);
    }
}
