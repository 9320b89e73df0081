package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.core.ReportFiles;
import iobench.report.summary.SummaryFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.md, results.csv and warmup.csv from a hand-made run, compared with golden files, as JMH seals its
 * result formats. To regenerate after an intended change of format:
 * {@code mvn -o test -Dtest=ReportGoldenTest -Dgolden.update=true}, then read the diff before committing.
 *
 * <p>The figures in the golden files, checked by hand (d = delay, T = 8 sync threads, P = 32 fan-out pool):
 * <ul>
 * <li>fan-seq (d 0.1, K 10, sequential): sync median of 1.010/1.030/1.020 = 1.020; async 0.105
 *     (0.102–0.110); virtual 1.015. Speedup async 1.020 / 0.105 = 9.714 -> "9.71x" excellent; virtual
 *     1.020 / 1.015 = 1.0049 -> "1.00x" minimal. Model: sync K·d = 1.0 s, async d = 0.1 s -> 10.0x,
 *     virtual sequential K·d = 1.0 s -> 1.00x. Calls/s sync median 10 / 1.020 = 9.8.</li>
 * <li>fan-par (d 0.2, K 50, parallel): sync median of 0.410/0.420/0.400 = 0.410, virtual of
 *     0.205/0.202/0.203 = 0.203 -> 0.410 / 0.203 = 2.0197 -> "2.02x" good. Model: sync ceil(50/32) = 2 waves
 *     = 0.4 s, virtual 0.2 s -> 2.00x. Calls/s sync 50 / 0.410 = 122.0, virtual 50 / 0.203 = 246.3.</li>
 * <li>clients-100 (d 0.2, N 100): sync durations 2.62/2.65/2.61, throughput median 100 / 2.62 = 38.2;
 *     async 0.21/0.22/0.215, throughput median 100 / 0.215 = 465.1. Speedup 465.116 / 38.168 = 2.62 / 0.215
 *     = 12.186 -> "12.2x" excellent. Model: sync ceil(100/8) = 13 waves · 0.2 = 2.6 s, async 0.2 s -> 13.0x.
 *     p50 sync median 1400.0, p99 2610.0; async p50 207.0, p99 212.0.</li>
 * <li>broken (d 0.5, N 20): async lost 5 + 2 = 7 calls (downstream-refused 6, timeout 1); success
 *     (20 + 15 + 18) / 60 = 88.3 %; not valid, speedup "not valid"; model sync ceil(20/8) = 3 waves = 1.5 s,
 *     async 0.5 s -> 3.00x. Errors: one row per kind, with the first message by repetition (rep 2's
 *     refusal, not rep 3's); the timeout's message made one line and cut to 120 characters, its "|" escaped
 *     in report.md and the field quoted in results.csv (it has commas).</li>
 * <li>Summary: async fan-out 9.71x (1 of 1); clients 12.2x (1 of 2, broken left out); all: 2 of 3, mean
 *     (9.714 + 12.186) / 2 = 10.95 -> "11.0x", decision "> 10x migrate critical endpoints now"; model mean
 *     (10 + 13) / 2 = 11.5x. Virtual: fan-out 2 of 2, mean (1.0049 + 2.0197) / 2 = 1.5123 -> "1.51x", evaluate
 *     case by case;
 *     model mean (1 + 2) / 2 = 1.50x.</li>
 * <li>Intervals (Student-t on the logs of the ratios paired by repetition, t(2) = 4.303), computed
 *     apart from iobench: fan-seq async 1.010/0.105, 1.030/0.110, 1.020/0.102 = 9.619, 9.364, 10.0 ->
 *     [8.896, 10.484] "[8.90–10.5] significant"; fan-seq virtual 0.9951, 1.0178, 1.0020 -> [0.976, 1.034]
 *     "not significant"; fan-par virtual 2.0, 2.0792, 1.9704 -> [1.882, 2.160]; clients-100 async
 *     (throughput ratios = sync/async durations) 12.476, 12.045, 12.140 -> [11.67, 12.79] "[11.7–12.8]".
 *     Summary "significant": async 2 of 2, virtual 1 of 2.</li>
 * </ul>
 */
class ReportGoldenTest {
    private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden");
    private static final String CSV_CONTRACT = "scenario,kind,server,repetition,delay_s,concurrent,clients,requests,"
            + "successful,failed,duration_s,throughput_rps,latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_max_ms";

    private static BenchReport report() {
        return Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN_DIR);
            Files.writeString(GOLDEN_DIR.resolve(name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null || Boolean.getBoolean("golden.update")) {
                return Files.readString(GOLDEN_DIR.resolve(name), StandardCharsets.UTF_8);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMarkdownReportMatchesItsGoldenFile() throws IOException {
        String actual = MarkdownReport.render(report(), List.of(), null);
        assertEquals(golden("report.md", actual), actual);
    }

    @Test
    void theSummaryJsonMatchesItsGoldenFile() throws IOException {
        String actual = SummaryFile.text(SummaryJson.of(report()));
        assertEquals(golden("summary.json", actual), actual);
    }

    @Test
    void theCsvReportMatchesItsGoldenFile() throws IOException {
        String actual = CsvReport.render(report());
        assertEquals(golden("results.csv", actual), actual);
    }

    @Test
    void theWarmupCsvMatchesItsGoldenFile() throws IOException {
        String actual = CsvReport.renderWarmups(report());
        assertEquals(golden("warmup.csv", actual), actual);
    }

    @Test
    void theReportsAreTheSameUnderAGermanLocaleAndNeverShowADecimalComma() {
        String md = MarkdownReport.render(report(), List.of(), null);
        String csv = CsvReport.render(report()) + CsvReport.renderWarmups(report());
        String console = ConsoleSummary.render(report());
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1,5", String.format("%.1f", 1.5), "the locale really is German");
            assertEquals(md, MarkdownReport.render(report(), List.of(), null));
            assertEquals(csv, CsvReport.render(report()) + CsvReport.renderWarmups(report()));
            assertEquals(console, ConsoleSummary.render(report()));
            assertEquals(SummaryFile.text(SummaryJson.of(report())), SummaryFile.text(SummaryJson.of(report())));
        } finally {
            Locale.setDefault(before);
        }
        Pattern decimalComma = Pattern.compile("\\d,\\d");
        assertFalse(decimalComma.matcher(md).find(), "a decimal comma in report.md");
        assertFalse(decimalComma.matcher(console).find(), "a decimal comma in the console summary");
        // In the CSV a decimal comma would split a number into two fields (commas inside quotes are text).
        csv.lines().forEach(line -> assertEquals(CsvReport.COLUMNS.size(),
                line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1).length, () -> "fields of: " + line));
    }

    @Test
    void theCsvHeaderStartsWithTheSixteenContractColumns() {
        String header = CsvReport.render(report()).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith(CSV_CONTRACT + ","), header);
        assertEquals(16, CSV_CONTRACT.split(",").length);
    }

    @Test
    void resultsCsvHoldsOnlyTheMeasuredRunsAndWarmupCsvTheWarmupsUnderTheSameHeader() {
        List<String> results = CsvReport.render(report()).lines().toList();
        List<String> warmups = CsvReport.renderWarmups(report()).lines().toList();
        assertEquals("phase", CsvReport.COLUMNS.get(CsvReport.COLUMNS.size() - 1));
        assertEquals(results.get(0), warmups.get(0), "the same columns in the same order");
        long warmupRuns = FixedRuns.runs().stream().filter(r -> r.warmup()).count();
        assertTrue(warmupRuns > 0, "the fixed runs have warm-ups to leave out");
        assertEquals(FixedRuns.runs().size() - warmupRuns, results.size() - 1);
        assertEquals(warmupRuns, warmups.size() - 1);
        results.stream().skip(1).forEach(row -> assertTrue(row.endsWith(",measured"), row));
        results.stream().skip(1).forEach(row -> assertFalse(row.split(",")[3].equals("0"), row));
        warmups.stream().skip(1).forEach(row -> assertTrue(row.endsWith(",warmup"), row));
        warmups.stream().skip(1).forEach(row -> assertEquals("0", row.split(",")[3], row));
    }

    @Test
    void aRunWithoutWarmupsHasAWarmupCsvOfItsHeaderAlone() {
        BenchReport r = report();
        BenchReport noWarmups = new BenchReport(r.environment(), r.model(), r.scenarios(), r.runs(),
                r.incompleteReason(), List.of(), r.thresholds(), r.warmupPhases(), r.timeToSteady(), r.warmupCaps(),
                r.capacities());
        assertEquals(String.join(",", CsvReport.COLUMNS) + "\n", CsvReport.renderWarmups(noWarmups));
        assertEquals(CsvReport.render(r), CsvReport.render(noWarmups), "results.csv does not depend on the warm-ups");
    }

    @Test
    void warmupsAreInTheReportButInNoFigure() {
        BenchReport report = report();
        assertEquals(FixedRuns.runs().stream().filter(r -> r.warmup()).count(), report.warmups().size());
        // FixedRuns' warm-ups took 99 s: a figure that counted one would show it.
        String md = MarkdownReport.render(report, List.of(), null);
        assertFalse(md.contains("99000"), md);
        assertFalse(md.contains(" 99.0"), md);
        assertFalse(md.contains("(99.0"), md);
        assertFalse(md.contains("refused 1"), md);
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", CsvReport.quote("plain"));
        assertEquals("downstream-refused=5;timeout=1", CsvReport.quote("downstream-refused=5;timeout=1"));
        assertEquals("\"a,b\"", CsvReport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvReport.quote("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvReport.quote("cr\rhere"));
        assertEquals("", CsvReport.quote(""));
    }

    @Test
    void reportFilesReplaceTheContentAndLeaveNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("nested/report");
        Path first = ReportFiles.write(out, "results.csv", "first\n");
        assertEquals(out.resolve("results.csv"), first);
        assertEquals("first\n", Files.readString(first));

        ReportFiles.write(out, "results.csv", "second, longer content\n");
        ReportFiles.write(out, "report.md", "# ü\n");

        assertEquals("second, longer content\n", Files.readString(out.resolve("results.csv")));
        assertEquals("# ü\n", Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("report.md", "results.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void theGoldenFilesAreOnTheTestClasspath() {
        assertNotNull(ReportGoldenTest.class.getResource("/golden/report.md"));
        assertNotNull(ReportGoldenTest.class.getResource("/golden/results.csv"));
        assertNotNull(ReportGoldenTest.class.getResource("/golden/warmup.csv"));
        assertNotNull(ReportGoldenTest.class.getResource("/golden/summary.json"));
    }
}
