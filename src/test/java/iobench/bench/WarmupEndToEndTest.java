package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iobench.bench.warmup.SteadyState;
import iobench.scenario.Warmup;
import iobench.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmup: auto} through the real {@code iobench bench}, with no sync in the scenarios:
 * every server is warmed by rounds of the scenario's shape until the steady-state rule holds (or
 * the cap, which the report then names), the report carries each server's time to steady, and a
 * scenario without sync is valid, compared with the first server it lists, and exits 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmupEndToEndTest {
    /** The test's cap per phase (warmup-max-time), short to keep the suite short. */
    private static final double MAX_TIME_S = 3;
    private int exitCode;
    private String out;
    private String err;
    private JsonNode summary;
    private String markdown;
    private List<String> csv;
    private List<String> warmupCsv;

    @BeforeAll
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void runTheBench(@TempDir Path dir) throws Exception {
        String yaml = """
                defaults:
                  repetitions: 2
                  warmup: auto
                  warmup-max-time: 3s
                  servers: [async, virtual]
                scenarios:
                  - {name: fan, kind: fan-out, delay: 0.05, concurrent: 10, strategy: parallel}
                  - {name: clients-20, kind: clients, delay: 0.05, clients: 20}
                  - {name: clients-40, kind: clients, delay: 0.05, clients: 40}
                """;
        Path scenarios = Files.writeString(dir.resolve("warm.yaml"), yaml, StandardCharsets.UTF_8);
        Path reportDir = dir.resolve("out");
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        exitCode = Cli.create(new PrintWriter(outText, true), new PrintWriter(errText, true)).execute("bench",
                "--scenarios", scenarios.toString(), "--out", reportDir.toString());
        out = outText.toString();
        err = errText.toString();
        summary = Files.exists(reportDir.resolve("summary.json"))
                ? new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile()) : null;
        markdown = Files.exists(reportDir.resolve("report.md"))
                ? Files.readString(reportDir.resolve("report.md"), StandardCharsets.UTF_8) : "";
        csv = Files.exists(reportDir.resolve("results.csv")) ? Files.readAllLines(reportDir.resolve("results.csv")) : List.of();
        warmupCsv = Files.exists(reportDir.resolve("warmup.csv")) ? Files.readAllLines(reportDir.resolve("warmup.csv"))
                : List.of();
    }

    private String context() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }

    @Test
    void aRunWithoutSyncIsValidComparedWithTheFirstServerListedAndExits0() {
        assertEquals(0, exitCode, this::context);
        for (JsonNode s : summary.path("scenarios")) {
            assertTrue(s.path("valid").asBoolean(), s.toString());
            assertEquals("async", s.path("baseline").asText(), s.toString());
            assertEquals(1, s.path("comparisons").size(), s.toString());
        }
        assertTrue(markdown.contains("speedups are against async, the first server it lists"), markdown);
        assertFalse(out.contains("NOT VALID"), out);
    }

    @Test
    void everyWarmupPhaseEndedByTheRuleOrAtItsCapAndSaysWhich() {
        JsonNode phases = summary.path("warmup_phases");
        assertEquals(6, phases.size(), phases::toString); // 3 scenarios x 2 servers
        Set<String> shapesWarmedInFull = new HashSet<>();
        for (JsonNode p : phases) {
            String what = p.toString();
            boolean steady = p.path("steady").asBoolean();
            boolean capped = p.path("capped").asBoolean();
            assertTrue(steady != capped, "a phase ends either steady or at its cap: " + what);
            assertTrue(p.path("calls").asLong() > 0 && p.path("seconds").asDouble() > 0, what);
            if (capped) {
                assertTrue(p.path("calls").asLong() >= Warmup.AUTO_MAX_CALLS
                        || p.path("seconds").asDouble() >= MAX_TIME_S, "capped before its cap: " + what);
                assertTrue(markdown.contains("at its cap, not steady"), markdown);
            } else {
                String shape = p.path("server").asText() + "/" + (p.path("scenario").asText().startsWith("clients")
                        ? "clients" : "fan");
                // A full phase needs a window of rounds; a later one of the same shape needs only one.
                assertTrue(shapesWarmedInFull.contains(shape) || p.path("rounds").asInt() >= SteadyState.WINDOW,
                        "steady after fewer rounds than the window: " + what);
                shapesWarmedInFull.add(shape);
            }
        }
        // Warm-up rounds are in warmup.csv, labelled, never in results.csv with the measured runs.
        long warmupRows = warmupCsv.stream().filter(l -> l.endsWith(",warmup")).count();
        assertEquals(0, csv.stream().filter(l -> l.endsWith(",warmup")).count(), "no warm-up in results.csv");
        long rounds = 0;
        for (JsonNode p : phases) {
            rounds += p.path("rounds").asLong();
        }
        assertEquals(rounds, warmupRows, "one CSV row per warm-up round");
    }

    @Test
    void theReportCarriesEachServersTimeToSteady() {
        JsonNode steady = summary.path("time_to_steady");
        assertEquals(2, steady.size(), steady::toString);
        for (JsonNode t : steady) {
            String what = t.toString();
            // The first request waits at least its delay at the sim.
            assertTrue(t.path("first_request_ms").asDouble() >= t.path("first_request_delay_ms").asDouble(), what);
            assertTrue(t.path("calls").asLong() > 0, what);
            if (t.path("steady").asBoolean()) {
                assertFalse(t.path("steady_in").isNull(), what);
            }
        }
        assertTrue(markdown.contains("### Time to steady"), markdown);
        assertTrue(out.contains("time to steady: async "), out);
    }
}
