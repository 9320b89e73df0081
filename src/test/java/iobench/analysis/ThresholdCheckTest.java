package iobench.analysis;

import iobench.report.ConsoleSummary;
import iobench.report.FixedRuns;
import iobench.report.MarkdownReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.BenchPlan;
import iobench.scenario.ScenarioFileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds against FixedRuns, whose figures ReportGoldenTest checks by hand. */
class ThresholdCheckTest {
    private static BenchReport report(String defaults, String fanSeq, String broken) {
        String yaml = FixedRuns.SCENARIOS
                .replace("  warmup: 1\n", "  warmup: 1\n" + (defaults.isEmpty() ? "" : "  thresholds: " + defaults + "\n"))
                .replace("servers: [sync, async, virtual]}", "servers: [sync, async, virtual]"
                        + (fanSeq.isEmpty() ? "" : ", thresholds: " + fanSeq) + "}")
                .replace("clients: 20}", "clients: 20" + (broken.isEmpty() ? "" : ", thresholds: " + broken) + "}");
        BenchPlan plan = ScenarioFileParser.parse("golden.yaml", yaml, ScenarioFileParser.Caps.of(60_000, 1000),
                List.of());
        return Analysis.analyse(plan, FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    private static List<String> broken(BenchReport report) {
        return report.brokenThresholds().stream().map(ThresholdCheck::sentence).toList();
    }

    @Test
    void aSpeedupBelowItsMinimumIsBrokenAndNamed() {
        // fan-seq: async 9.71x, virtual 1.00x (1.020 / 1.015).
        BenchReport report = report("", "{speedup-min: 1.5}", "");
        assertEquals(List.of("fan-seq, virtual: speedup-min 1.00x < 1.50x"), broken(report));
        assertEquals(2, report.thresholds().size());
        String md = MarkdownReport.render(report, List.of(), null);
        assertTrue(md.contains("## Thresholds"), md);
        assertTrue(md.contains("**1 of 2 thresholds BROKEN**"), md);
        assertTrue(md.contains("| fan-seq | virtual | speedup-min | 1.00x | 1.50x | **BROKEN** |"), md);
        assertTrue(md.contains("| fan-seq | async | speedup-min | 9.71x | 1.50x | met |"), md);
        assertTrue(ConsoleSummary.render(report).contains("threshold BROKEN: fan-seq, virtual: speedup-min 1.00x < 1.50x"));
    }

    @Test
    void aScenarioThatIsNotValidBreaksItsSpeedupMinimum() {
        BenchReport report = report("", "", "{speedup-min: 1}");
        assertEquals(List.of("broken, async: speedup-min not valid < 1.00x"), broken(report));
    }

    @Test
    void aP99AboveItsMaximumIsBrokenForEveryServerAndScenarioOfTheDefault() {
        // Median p99: fan-seq sync 1020, virtual 1015; clients-100 sync 2610; every other one is below 1 s.
        BenchReport report = report("{p99-max: 1s}", "", "");
        assertEquals(List.of("fan-seq, sync: p99-max 1020.0 ms > 1000.0 ms",
                "fan-seq, virtual: p99-max 1015.0 ms > 1000.0 ms",
                "clients-100, sync: p99-max 2610.0 ms > 1000.0 ms",
                "broken, sync: p99-max 1505.0 ms > 1000.0 ms"), broken(report));
        assertEquals(9, report.thresholds().size(), "one per server of each scenario: 3 + 2 + 2 + 2");
    }

    @Test
    void anErrorRateAboveItsMaximumIsBrokenAndAScenarioOverridesTheDefaultKeyByKey() {
        // broken: async lost 7 of 60 calls = 11.67 %.
        assertEquals(List.of("broken, async: error-rate-max 11.67 % > 10.00 %"),
                broken(report("{error-rate-max: 10%, p99-max: 3600s}", "", "")));
        BenchReport overridden = report("{error-rate-max: 10%, p99-max: 3600s}", "", "{error-rate-max: 0.2}");
        assertEquals(List.of(), broken(overridden));
        assertTrue(overridden.thresholds().stream().anyMatch(t -> t.scenario().equals("broken")
                && t.threshold().equals("p99-max")), "the default p99-max still applies to the scenario");
        assertTrue(ConsoleSummary.render(overridden).contains("thresholds: all 18 met"),
                ConsoleSummary.render(overridden));
        assertTrue(MarkdownReport.render(overridden, List.of(), null)
                .contains("Every threshold of the scenario file is met."));
    }

    @Test
    void withoutThresholdsThereIsNoSection() {
        BenchReport report = report("", "", "");
        assertEquals(List.of(), report.thresholds());
        assertTrue(!MarkdownReport.render(report, List.of(), null).contains("## Thresholds"));
    }
}
