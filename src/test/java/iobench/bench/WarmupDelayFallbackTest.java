package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import iobench.testing.Summaries;
import iobench.testing.CliRun;
import iobench.testing.RangedService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named target that refuses delays below its range, as the original Python suite's paths do
 * (0.1 to 10 s, HTTP 400 below): the 10 ms warm-up delay is refused, so it is warmed at the
 * scenario's own delay instead, and the console and report.md say so; our virtual server beside it
 * is warmed at 10 ms as ever.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmupDelayFallbackTest {
    private HttpServer ranged;
    private final Queue<String> queries = new ConcurrentLinkedQueue<>();
    private int exitCode;
    private String context;
    private String stdout;
    private String markdown;
    private JsonNode summary;
    private List<String> csv;
    private List<String> warmupCsv;

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runTheBench(@TempDir Path dir) throws Exception {
        ranged = RangedService.start(queries);
        // One warm-up round of the clients shape is 400 requests: 40 at once, 10 waves of 0.1 s.
        String yaml = """
                targets:
                  - name: ranged
                    url: http://127.0.0.1:%d/range?delay={delay}&n={concurrent}
                    model: async
                defaults:
                  repetitions: 1
                  warmup: 1
                  servers: [ranged, virtual]
                scenarios:
                  - {name: crowd, kind: clients, delay: 0.1, clients: 40}
                """.formatted(ranged.getAddress().getPort());
        Path scenarios = Files.writeString(dir.resolve("ranged.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString());
        exitCode = run.exitCode();
        stdout = run.out();
        context = run.context();
        markdown = Files.exists(out.resolve("report.md")) ? Files.readString(out.resolve("report.md")) : "";
        summary = Files.exists(out.resolve("summary.json")) ? Summaries.read(out) : null;
        csv = Files.exists(out.resolve("results.csv")) ? Files.readAllLines(out.resolve("results.csv")) : List.of();
        warmupCsv = Files.exists(out.resolve("warmup.csv")) ? Files.readAllLines(out.resolve("warmup.csv")) : List.of();
    }

    @AfterAll
    void stop() {
        if (ranged != null) {
            ranged.stop(0);
        }
    }

    private static final String FELL_BACK =
            "ranged refused the 10 ms warm-up delay (HTTP 400): warmed at the scenario's delay, 100 ms";

    @Test
    void theRefusedWarmupDelayFallsBackToTheScenariosAndTheConsoleAndReportSaySo() {
        assertEquals(0, exitCode, context);
        assertTrue(stdout.contains(FELL_BACK), context);
        assertTrue(markdown.contains(FELL_BACK), markdown);
        assertFalse(markdown.contains("virtual refused"), markdown);
        JsonNode refused = null;
        for (JsonNode t : summary.path("time_to_steady")) {
            if (t.path("server").asText().equals("ranged")) {
                refused = t.path("warmup_delay_refused");
            } else {
                assertFalse(t.has("warmup_delay_refused"), t.toString());
            }
        }
        assertEquals("{\"delay_ms\":10,\"why\":\"HTTP 400\",\"warmed_at_ms\":100}", String.valueOf(refused),
                summary.toString());
        // The warm-up round itself went at 0.1 s: 400 requests, none refused.
        long warmedAt100 = queries.stream().filter(q -> q.startsWith("delay=0.100")).count();
        assertTrue(warmedAt100 >= 400, "requests at 0.1 s: " + warmedAt100);
        // The first request, resent at the scenario's delay, is shown with it.
        assertTrue(markdown.matches("(?s).*\\| ranged \\| [0-9.]+ \\(delay 100 ms\\) \\|.*"), markdown);
        assertTrue(markdown.matches("(?s).*\\| virtual \\| [0-9.]+ \\(delay 10 ms\\) \\|.*"), markdown);
    }

    @Test
    void theWarmupAndMeasuredRunsOfTheTargetSucceeded() {
        List<String> header = List.of(csv.get(0).split(","));
        int server = header.indexOf("server");
        int failed = header.indexOf("failed");
        int phase = header.size() - 1;
        List<String[]> rows = java.util.stream.Stream.concat(csv.stream().skip(1), warmupCsv.stream().skip(1))
                .map(l -> l.split(",", -1)).filter(f -> f[server].equals("ranged")).toList();
        assertEquals(1, rows.stream().filter(f -> f[phase].equals("measured")).count(), context);
        assertEquals(1, rows.stream().filter(f -> f[phase].equals("warmup")).count(), context);
        rows.forEach(f -> assertEquals("0", f[failed], String.join(",", f)));
    }
}
