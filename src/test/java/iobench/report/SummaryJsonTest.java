package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Comparison;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.Stat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.core.ReportFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import iobench.report.summary.SummaryScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    private static BenchReport report() {
        return Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    @Test
    void everyFigureOfTheReportReadsBackFromTheFile(@TempDir Path dir) throws IOException {
        BenchReport report = report();
        Summary written = SummaryJson.of(report);
        ReportFiles.write(dir, Summary.FILE, SummaryFile.text(written));
        Summary root = SummaryFile.read(dir);
        assertEquals(written, root, "what is read back equals what was written, record for record");

        assertEquals(FixedRuns.ENVIRONMENT.command(), root.environment().command());
        assertEquals(8, root.modelParams().syncThreads());
        assertEquals(report.scenarios().size(), root.scenarios().size());
        for (int i = 0; i < report.scenarios().size(); i++) {
            ScenarioSummary s = report.scenarios().get(i);
            SummaryScenario n = root.scenarios().get(i);
            assertEquals(s.scenario().name(), n.name());
            assertEquals(s.valid(), n.valid());
            for (int j = 0; j < s.servers().size(); j++) {
                ServerStats st = s.servers().get(j);
                SummaryScenario.Server o = n.servers().get(j);
                assertEquals(st.server().label(), o.server());
                assertEquals(st.durationS(), o.durationS());
                assertEquals(st.throughputRps().median(), o.throughputRps().median(), 0);
                assertEquals(st.p99Ms().max(), o.p99Ms().max(), 0);
                assertEquals(st.successRate(), o.successRate(), 0);
                assertEquals(st.failed(), o.failed());
            }
            for (int j = 0; j < s.comparisons().size(); j++) {
                Comparison c = s.comparisons().get(j);
                SummaryScenario.Speedup o = n.comparisons().get(j);
                // NaN (written as null) reads back as NaN, which equals itself here.
                assertEquals(c.speedup(), o.speedup(), 0);
                assertEquals(c.interval().low(), o.interval().low(), 0);
                assertEquals(c.interval().high(), o.interval().high(), 0);
                assertEquals(c.interval().significant(), o.interval().significant());
            }
        }
        String text = SummaryFile.text(written);
        assertFalse(text.contains("NaN"));
        assertTrue(text.contains("\"speedup\" : null"), "a speedup of a scenario not valid is null in the file");
    }

    @Test
    void aDirectoryWithoutASummaryIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        var missing = assertThrows(SummaryFile.NotASummaryException.class, () -> SummaryFile.read(dir.resolve("nope")));
        assertEquals(1, missing.getMessage().lines().count());
        assertThrows(SummaryFile.NotASummaryException.class, () -> SummaryFile.read(dir));
        Files.writeString(dir.resolve(Summary.FILE), "{\"format\": \"something else\", \"scenarios\": []}");
        var other = assertThrows(SummaryFile.NotASummaryException.class, () -> SummaryFile.read(dir));
        assertTrue(other.getMessage().contains("not an iobench summary"), other.getMessage());
        Files.writeString(dir.resolve(Summary.FILE), "{not json");
        var broken = assertThrows(SummaryFile.NotASummaryException.class, () -> SummaryFile.read(dir));
        assertEquals(1, broken.getMessage().lines().count(), broken.getMessage());
    }

    @Test
    void aSummaryWithoutAVersionIsReadAsVersion1AndComparesTheSame(@TempDir Path dir) throws IOException {
        Path withVersion = Path.of("src/test/resources/compare/a");
        String text = Files.readString(withVersion.resolve(Summary.FILE));
        assertTrue(text.contains("  \"version\" : 1,\n"));
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old").resolve(Summary.FILE), text.replace("  \"version\" : 1,\n", ""));
        Summary old = SummaryFile.read(dir.resolve("old"));
        assertEquals(1, old.version());
        assertEquals(SummaryFile.read(withVersion), old);
        assertEquals(RunComparison.document(SummaryFile.read(withVersion), SummaryFile.read(withVersion), "a", "b"),
                RunComparison.document(old, SummaryFile.read(withVersion), "a", "b"));
    }

    @Test
    void aFigureTheFileLeavesOutOrGivesAsNullReadsAsNoFigure() throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(
                Path.of("src/test/resources/golden").resolve(Summary.FILE).toFile());
        ObjectNode server = (ObjectNode) root.path("scenarios").path(0).path("servers").path(0);
        server.remove("p50_ms");
        server.putNull("p99_ms");
        SummaryScenario.Server read = SummaryFile.of(root, "edited").scenarios().get(0).servers().get(0);
        assertEquals(Stat.NONE, read.p50Ms(), "left out");
        assertEquals(Stat.NONE, read.p99Ms(), "null");
        assertFalse(Double.isNaN(read.throughputRps().median()), "the others as written");
    }

    @Test
    void anOlderSummaryReadsWithWhatItLeftOutEmptyAndItsSpeedupsAgainstSync(@TempDir Path dir) throws IOException {
        // The fixture of the pages predates baselines, stale retries, costs' calls and the warm-up lists.
        Path older = Path.of("src/test/resources/html/report");
        String text = Files.readString(older.resolve(Summary.FILE));
        assertFalse(text.contains("\"time_to_steady\"") || text.contains("\"stale_retries\""));
        Files.createDirectories(dir.resolve("older"));
        Files.writeString(dir.resolve("older").resolve(Summary.FILE), text.replace("\"baseline\" : \"sync\",", ""));
        Summary summary = SummaryFile.read(dir.resolve("older"));
        assertEquals(List.of(), summary.timeToSteady());
        assertEquals(List.of(), summary.warmupPhases());
        SummaryScenario.Speedup speedup = summary.scenarios().get(0).comparisons().get(0);
        assertEquals(null, speedup.baseline());
        assertEquals("sync", speedup.against(), "files before baselines could be chosen only had sync");
        // Its capacity knew vs_sync alone.
        assertEquals(2.0, summary.capacity().get(0).servers().get(1).against().estimate(), 0);
        String md = RunComparison.document(summary, SummaryFile.read(older), "older", "same");
        assertTrue(md.contains("| k5 | async | speedup vs sync | "), md);
        assertTrue(md.contains("No figure changed beyond the noise."), md);
    }

    @Test
    void aSummaryOfALaterVersionIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/compare/a").resolve(Summary.FILE));
        Files.writeString(dir.resolve(Summary.FILE), text.replace("\"version\" : 1,", "\"version\" : 2,"));
        var later = assertThrows(SummaryFile.NotASummaryException.class, () -> SummaryFile.read(dir));
        assertEquals(dir.resolve(Summary.FILE) + " is summary version 2; this iobench reads up to version 1",
                later.getMessage());
    }
}
