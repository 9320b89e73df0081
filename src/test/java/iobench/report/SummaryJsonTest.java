package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Comparison;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.core.ReportFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    private static BenchReport report() {
        return Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    @Test
    void everyFigureOfTheReportReadsBackFromTheFile(@TempDir Path dir) throws IOException {
        BenchReport report = report();
        ReportFiles.write(dir, SummaryJson.FILE, SummaryJson.text(SummaryJson.tree(report)));
        JsonNode root = SummaryJson.read(dir);

        assertEquals(FixedRuns.ENVIRONMENT.command(), root.path("environment").path("command").asText());
        assertEquals(8, root.path("model_params").path("sync_threads").asInt());
        assertEquals(report.scenarios().size(), root.path("scenarios").size());
        for (int i = 0; i < report.scenarios().size(); i++) {
            ScenarioSummary s = report.scenarios().get(i);
            JsonNode n = root.path("scenarios").get(i);
            assertEquals(s.scenario().name(), n.path("name").asText());
            assertEquals(s.valid(), n.path("valid").asBoolean());
            for (int j = 0; j < s.servers().size(); j++) {
                ServerStats st = s.servers().get(j);
                JsonNode o = n.path("servers").get(j);
                assertEquals(st.server().label(), o.path("server").asText());
                assertEquals(st.durationS().median(), o.path("duration_s").path("median").asDouble(), 0);
                assertEquals(st.durationS().min(), o.path("duration_s").path("min").asDouble(), 0);
                assertEquals(st.durationS().max(), o.path("duration_s").path("max").asDouble(), 0);
                assertEquals(st.throughputRps().median(), o.path("throughput_rps").path("median").asDouble(), 0);
                assertEquals(st.p99Ms().max(), o.path("p99_ms").path("max").asDouble(), 0);
                assertEquals(st.successRate(), o.path("success_rate").asDouble(), 0);
                assertEquals(st.failed(), o.path("failed").asInt());
            }
            for (int j = 0; j < s.comparisons().size(); j++) {
                Comparison c = s.comparisons().get(j);
                JsonNode o = n.path("comparisons").get(j);
                if (Double.isNaN(c.speedup())) {
                    assertTrue(o.path("speedup").isNull(), "NaN is written as null");
                    assertTrue(o.path("interval").path("low").isNull());
                } else {
                    assertEquals(c.speedup(), o.path("speedup").asDouble(), 0);
                    assertEquals(c.interval().low(), o.path("interval").path("low").asDouble(), 0);
                    assertEquals(c.interval().high(), o.path("interval").path("high").asDouble(), 0);
                    assertEquals(c.interval().significant(), o.path("interval").path("significant").asBoolean());
                }
            }
        }
        assertFalse(SummaryJson.text(SummaryJson.tree(report)).contains("NaN"));
    }

    @Test
    void aDirectoryWithoutASummaryIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        var missing = assertThrows(SummaryJson.NotASummaryException.class, () -> SummaryJson.read(dir.resolve("nope")));
        assertEquals(1, missing.getMessage().lines().count());
        assertThrows(SummaryJson.NotASummaryException.class, () -> SummaryJson.read(dir));
        Files.writeString(dir.resolve(SummaryJson.FILE), "{\"format\": \"something else\", \"scenarios\": []}");
        var other = assertThrows(SummaryJson.NotASummaryException.class, () -> SummaryJson.read(dir));
        assertTrue(other.getMessage().contains("not an iobench summary"), other.getMessage());
        Files.writeString(dir.resolve(SummaryJson.FILE), "{not json");
        var broken = assertThrows(SummaryJson.NotASummaryException.class, () -> SummaryJson.read(dir));
        assertEquals(1, broken.getMessage().lines().count(), broken.getMessage());
    }
}
