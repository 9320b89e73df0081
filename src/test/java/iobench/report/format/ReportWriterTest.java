package iobench.report.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.report.FixedRunsAccess;
import iobench.report.summary.Summary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void aCompleteRunGetsEveryOutput(@TempDir Path dir) throws Exception {
        List<String> warnings = ReportWriter.everyOutput().write(AnalysedRun.of(FixedRunsAccess.report(), null, null), dir);

        assertEquals(List.of(), warnings);
        for (String file : List.of("results.csv", "warmup.csv", Summary.FILE, "report.md", "report.html", "fanout-duration.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertFalse(Files.exists(dir.resolve("compare.md")), "no baseline, no comparison");
    }

    @Test
    void aStoppedRunGetsItsDataAndReportButNoChartsOrPage(@TempDir Path dir) throws Exception {
        ReportWriter.everyOutput().write(AnalysedRun.of(FixedRunsAccess.report(), null, "SIGINT"), dir);

        assertTrue(Files.isRegularFile(dir.resolve("results.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("warmup.csv")));
        assertTrue(Files.isRegularFile(dir.resolve(Summary.FILE)));
        assertTrue(Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8)
                .contains("Charts were not drawn: the run was stopped by SIGINT"));
        assertFalse(Files.exists(dir.resolve("report.html")));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".png")));
        }
    }

    @Test
    void aPageThatCannotBeWrittenIsAWarningAndTheRestIsWritten(@TempDir Path dir) throws Exception {
        // A directory where report.html belongs: the page's rename fails.
        Files.createDirectories(dir.resolve("report.html").resolve("in-the-way"));

        List<String> warnings = ReportWriter.everyOutput().write(AnalysedRun.of(FixedRunsAccess.report(), null, null), dir);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("report.html could not be written: "), warnings.get(0));
        assertTrue(Files.isRegularFile(dir.resolve("report.md")));
    }

    @Test
    void aBaselineAddsCompareMdAndASectionComparingTheSameSummary(@TempDir Path dir) throws Exception {
        Path before = dir.resolve("before");
        ReportWriter.everyOutput().write(AnalysedRun.of(FixedRunsAccess.report(), null, null), before);
        Path after = dir.resolve("after");

        ReportWriter.everyOutput().write(AnalysedRun.of(FixedRunsAccess.report(), Baseline.read(before), null), after);

        assertTrue(Files.isRegularFile(after.resolve("compare.md")));
        assertTrue(Files.isRegularFile(after.resolve("compare.html")));
        String md = Files.readString(after.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains(before.toString()), "report.md names the baseline");
    }
}
