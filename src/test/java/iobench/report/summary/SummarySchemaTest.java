package iobench.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.analysis.Stat;
import iobench.testing.SummarySchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/summary.schema.json against the summary.json files of today: the golden file and the fixed
 * directories of compare, and a summary with every part that is written only sometimes (capacity,
 * thresholds, warm-ups, a merge's segments). Strict: a key renamed, missing or added fails it.
 * SegmentEndToEndTest checks a real bench's and a real merge's summary.json against it too.
 */
class SummarySchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> errors(JsonNode summary) {
        return SummarySchema.errors(summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/golden/summary.json", "src/test/resources/compare/a/summary.json",
            "src/test/resources/compare/b/summary.json"})
    void theSummariesOfTodayFollowTheSchema(String file) throws IOException {
        assertEquals(List.of(), errors(JSON.readTree(Path.of(file).toFile())));
    }

    @Test
    void aSummaryWithEveryOptionalPartFollowsTheSchemaAndReadsBackAsWritten() throws IOException {
        String text = SummaryFile.text(everyPart());
        assertEquals(List.of(), errors(JSON.readTree(text)));
        assertEquals(everyPart(), SummaryFile.of(JSON.readTree(text), "every part"), "read back record for record");
        assertEquals(text, SummaryFile.text(SummaryFile.of(JSON.readTree(text), "every part")), "and byte for byte");
        for (String key : List.of("\"segments\"", "\"warmup_delay_refused\"", "\"failure\"", "\"vs_baseline\"",
                "\"vs_sync\"", "\"duration_s\" : 30.0", "\"rate_per_s\"", "\"capacity_rps_per_repetition\" : [ 200.0, null ]")) {
            assertTrue(text.contains(key), key + " in\n" + text);
        }
    }

    @Test
    void aKeyRenamedMissingOrAddedFailsTheSchema() throws IOException {
        ObjectNode golden = (ObjectNode) JSON.readTree(Path.of("src/test/resources/golden/summary.json").toFile());
        ObjectNode renamed = golden.deepCopy();
        ObjectNode server = (ObjectNode) renamed.path("scenarios").get(0).path("servers").get(0);
        server.set("p99", server.remove("p99_ms"));
        List<String> e = errors(renamed);
        assertTrue(e.stream().anyMatch(s -> s.contains("p99_ms")), e.toString());
        assertTrue(e.stream().anyMatch(s -> s.contains("p99")), e.toString());

        ObjectNode missing = golden.deepCopy();
        ((ObjectNode) missing.path("scenarios").get(1)).remove("valid");
        assertFalse(errors(missing).isEmpty(), "a scenario without valid");

        ObjectNode added = golden.deepCopy();
        ((ObjectNode) added.path("environment")).put("host", "somewhere");
        assertFalse(errors(added).isEmpty(), "an environment key the schema does not name");

        ObjectNode kind = golden.deepCopy();
        ((ObjectNode) kind.path("scenarios").get(0)).put("kind", "fanout");
        assertFalse(errors(kind).isEmpty(), "a kind that is none of fan-out, clients, rate");
    }

    /** A summary holding every part written only sometimes, each with a figure missing somewhere (null). */
    static Summary everyPart() {
        Stat stat = new Stat(1.5, 1.0, 2.0);
        Map<String, Integer> errors = new LinkedHashMap<>();
        errors.put("timeout", 2);
        SummaryScenario.Server server = new SummaryScenario.Server("sync", 3, stat, stat, stat, stat, 0.98, 2, 1,
                errors, Map.of("timeout", "SocketTimeoutException: timeout"), 1.0, Double.NaN, "a note", 50.0, 0.5,
                new SummaryScenario.Costs(3000, true, 0.4, 0.3, 0.5, 12.0, 40, null, 64.0, "process"));
        SummaryScenario.Speedup speedup = new SummaryScenario.Speedup("async", "sync", 2.0, 2.0, "good",
                new SummaryScenario.Interval(2.0, 1.8, 2.2, 3, true, "significant"));
        SummaryScenario timed = new SummaryScenario("for-time", "clients", 0.05, 1, 10, 0, 30.0, 3, "sequential", true,
                null, "sync", List.of(server), List.of(speedup));
        SummaryCapacity.Ratio ratio = new SummaryCapacity.Ratio(2.0, Double.NaN, Double.NaN, false);
        SummaryCapacity capacity = new SummaryCapacity("stairs", 300.0, 0.01, "sync",
                List.of(new SummaryCapacity.Server("sync", java.util.Arrays.asList(100.0, 100.0), List.of(false, false),
                                100.0, null, null),
                        new SummaryCapacity.Server("async", java.util.Arrays.asList(200.0, null), List.of(true, false),
                                200.0, ratio, ratio)),
                List.of(new SummaryCapacity.Step("sync", 100, 2, 2, stat, stat, stat, stat, 0.0, stat, 0, 2)),
                List.of("async at 200/s, repetition 2: the load generator was the limit"));
        SummarySegments segments = new SummarySegments("run-1", 2, "+30s", 12, 250, 250, null,
                List.of(new SummarySegments.Segment("1/2", "host-a", "0.1.0", 0, 1000, 0, null, 1, 300)),
                List.of(new SummarySegments.Run("stairs", "sync", 1, 1, 2, 15, true)),
                List.of(new SummarySegments.Overrun("1/2", "measured", "stairs", "sync", 1, 100, 10_000, 300, false)));
        return new Summary(Summary.FORMAT, Summary.VERSION, false, "stopped by SIGINT after 3 of 9 runs",
                new Summary.Environment("0.1.0", "OpenJDK", 2, "Linux", "s.yaml", "2025-01-02T03:04:05Z", "iobench bench",
                        "300 MB", "in-process", List.of("sync on http://127.0.0.1:8002")),
                new Summary.ModelParams(8, 32), "Student-t, 95 %, on the log of per-repetition ratios", List.of(timed),
                List.of(capacity), List.of(new Summary.Threshold("for-time", "sync", "p99-max", Double.NaN, 100.0, false)),
                List.of(new Summary.TimeToSteady("sync", 42.0, 10, true, "for-time", 1200, 2.5,
                        new Summary.RefusedDelay(10, "the target has a fixed delay", 50))),
                List.of(new Summary.WarmupPhase("for-time", "sync", 3, 1200, 2.5, 12.0, true, false, "refused: 10 of 10")),
                segments);
    }
}
