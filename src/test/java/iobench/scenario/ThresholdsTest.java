package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {
    private static BenchPlan parse(String yaml) {
        return ScenarioFileParser.parse("t.yaml", yaml, ScenarioFileParser.Caps.of(60_000, 1000), List.of());
    }

    @Test
    void defaultsApplyToEveryScenarioAndAScenarioOverridesThemKeyByKey() {
        BenchPlan plan = parse("""
                defaults:
                  thresholds: {speedup-min: 2, p99-max: 500ms, error-rate-max: 1%}
                scenarios:
                  - {name: a, kind: clients, delay: 0.1, clients: 10}
                  - name: b
                    kind: fan-out
                    delay: 0.1
                    concurrent: 5
                    thresholds: {p99-max: 2s, error-rate-max: 0.05}
                """);
        assertEquals(new Thresholds(2, 500, 0.01), plan.thresholdsOf("a"));
        assertEquals(new Thresholds(2, 2000, 0.05), plan.thresholdsOf("b"));
    }

    @Test
    void aScenarioWithoutAnyThresholdHasNone() {
        BenchPlan plan = parse("""
                scenarios:
                  - {name: a, kind: clients, delay: 0.1, clients: 10, thresholds: {speedup-min: 1.5x}}
                  - {name: b, kind: clients, delay: 0.1, clients: 10}
                """);
        assertEquals(new Thresholds(1.5, Double.NaN, Double.NaN), plan.thresholdsOf("a"));
        assertTrue(plan.thresholdsOf("b").none());
        assertEquals(1, plan.thresholds().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "speedup-min: 0|scenarios[0].thresholds.speedup-min: '0' is not allowed; expected a speedup above 0",
        "speedup-min: fast|'fast' is not allowed; expected a speedup above 0 such as 2 or 1.5",
        "p99-max: soon|scenarios[0].thresholds.p99-max: 'soon' is not allowed; expected seconds",
        "error-rate-max: 150%|scenarios[0].thresholds.error-rate-max: '150%' is not allowed; expected a percentage such as 1%",
        "error-rate-max: 2|'2' is not allowed; expected a percentage such as 1% or a fraction from 0 to 1",
        "speedup_min: 2|scenarios[0].thresholds.speedup_min: unknown key; threshold keys are kebab-case like the rest of the file: 'speedup-min'",
        "p95-max: 1s|unknown key; expected one of error-rate-max, p99-max, speedup-min",
    })
    void aBadThresholdIsRefusedWithLineAndColumn(String threshold, String expected) {
        String line = "  - {name: a, kind: clients, delay: 0.1, clients: 10, thresholds: {" + threshold + "}}";
        String yaml = "scenarios:\n" + line + "\n";
        // The column of the key for an unknown key, else of the value.
        int column = line.indexOf(threshold) + 1 + (expected.contains("unknown key") ? 0 : threshold.indexOf(": ") + 2);
        String lineColumn = "2:" + column;
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(yaml));
        assertTrue(e.getMessage().startsWith("t.yaml:" + lineColumn + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aBadThresholdEndsTheBenchWithExitCode2AndOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                defaults:
                  thresholds:
                    error-rate-max: lots
                scenarios:
                  - {name: a, kind: clients, delay: 0.02, clients: 2}
                """);
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("bench", "--scenarios", file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, code, err::toString);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().contains("bad.yaml:3:21: defaults.thresholds.error-rate-max: 'lots' is not allowed"),
                err::toString);
        assertTrue(!Files.exists(dir.resolve("out")), "nothing ran");
    }

    /** A real bench: 8 clients against a sync pool of 2 threads (4 waves) and the async server (1 wave). */
    private static Result bench(Path dir, String thresholds, String... more) throws IOException {
        return benchWith(dir, thresholds, "", more);
    }

    /** The same, the scenario with more keys ({@code io: {...}}, say). */
    private static Result benchWith(Path dir, String thresholds, String scenarioKeys, String... more) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                defaults:
                  repetitions: 1
                  warmup: 0
                  servers: [sync, async]
                  thresholds: %s
                scenarios:
                  - {name: waves, kind: clients, delay: 0.02, clients: 8%s}
                """.formatted(thresholds, scenarioKeys));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path reportDir = dir.resolve("out");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench",
                "--scenarios", file.toString(), "--out", reportDir.toString(), "--threads", "2"));
        args.addAll(java.util.List.of(more));
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString(), Files.readString(reportDir.resolve("report.md")));
    }

    private record Result(int code, String out, String err, String report) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBrokenThresholdEndsARealBenchWithExitCode4AndIsNamed(@TempDir Path dir) throws IOException {
        Result r = bench(dir, "{speedup-min: 1000}");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.out().contains("threshold BROKEN: waves, async: speedup-min "), r::toString);
        assertTrue(r.report().contains("| waves | async | speedup-min | "), r.report());
        assertTrue(r.report().contains("| 1000.0x | **BROKEN** |"), r.report());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aScenarioNotValidWinsOverABrokenThresholdWithExitCode1(@TempDir Path dir) throws IOException {
        // Every downstream call fails: the scenario is not valid and its error rate breaks the threshold.
        Result r = benchWith(dir, "{error-rate-max: 1%}", ", io: {error-rate: 1}");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("threshold BROKEN: waves, sync: error-rate-max 100.00 % > 1.00 %"), r::toString);
        assertTrue(r.report().contains("- **waves** is not valid: "), r.report());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thresholdsAllMetEndARealBenchWithExitCode0(@TempDir Path dir) throws IOException {
        Result r = bench(dir, "{speedup-min: 0.01, p99-max: 3600s, error-rate-max: 100%}");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("thresholds: all 5 met"), r::toString);
        assertTrue(r.report().contains("Every threshold of the scenario file is met."), r.report());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBaselineAppendsTheComparisonToTheReportAndWritesCompareMd(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        Files.createDirectories(first);
        assertEquals(0, bench(first, "{error-rate-max: 100%}").code());
        Path baseline = first.resolve("out");
        Path second = dir.resolve("second");
        Files.createDirectories(second);
        Result r = bench(second, "{error-rate-max: 100%}", "--baseline", baseline.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.report().contains("## Compared with " + baseline + "\n"), r.report());
        assertTrue(r.report().contains("| waves | async | speedup vs sync | "), r.report());
        String compare = Files.readString(second.resolve("out").resolve("compare.md"));
        assertTrue(compare.startsWith("# iobench compare\n"), compare);
        assertTrue(compare.contains("| waves | sync | duration s | "), compare);
        assertTrue(Files.isRegularFile(second.resolve("out").resolve("summary.json")));
        assertTrue(Files.isRegularFile(second.resolve("out").resolve("hlog").resolve("waves-sync.hlog")));
        assertTrue(Files.isRegularFile(second.resolve("out").resolve("hlog").resolve("waves-async.hlog")));
    }
}
