package iobench.analysis;

import iobench.report.FixedRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.BenchPlan;
import iobench.scenario.ScenarioFileParser;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {
    private static final double EPS = 1e-9;

    private static BenchReport analyse(BenchPlan plan, List<RunResult> runs) {
        return Analysis.analyse(plan, runs, FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    private static ScenarioSummary summary(BenchReport report, String name) {
        return report.scenarios().stream().filter(s -> s.scenario().name().equals(name)).findFirst().orElseThrow();
    }

    private static Comparison comparison(ScenarioSummary s, Contender role) {
        return s.comparisons().stream().filter(c -> c.server().equals(role)).findFirst().orElseThrow();
    }

    @Test
    void aScenarioInWhichAnyRunFailedIsNotValidWithNoSpeedupAndTheVerdictNotValid() {
        ScenarioSummary broken = summary(analyse(FixedRuns.plan(), FixedRuns.runs()), "broken");
        assertFalse(broken.valid());
        assertEquals("async: 7 failed (downstream-refused 6, timeout 1)", broken.invalidReason());
        Comparison async = comparison(broken, Contender.ASYNC);
        assertTrue(Double.isNaN(async.speedup()));
        assertEquals("not valid", async.verdict());
        // The model still says what to expect.
        assertEquals(3.0, async.modelSpeedup(), EPS);
    }

    /** A merge's run whose segments began too far apart: the scenario is not valid, its figures stay as measured. */
    @Test
    void aScenarioMarkedNotValidFromOutsideLosesItsSpeedupsAndKeepsItsReasons() {
        List<RunResult> runs = FixedRuns.runs();
        BenchReport plain = analyse(FixedRuns.plan(), runs);
        BenchReport marked = Analysis.analyse(FixedRuns.plan(), new Measurements(runs, FixedRuns.plan().warmup(),
                List.of(), List.of(), null, Map.of("fan-seq", List.of("drifted a", "drifted b"),
                        "broken", List.of("drifted c"))), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);

        assertTrue(summary(plain, "fan-seq").valid());
        ScenarioSummary fanSeq = summary(marked, "fan-seq");
        assertEquals("drifted a; drifted b", fanSeq.invalidReason());
        Comparison async = comparison(fanSeq, Contender.ASYNC);
        assertTrue(Double.isNaN(async.speedup()));
        assertTrue(Double.isNaN(async.interval().low()));
        assertEquals(comparison(summary(plain, "fan-seq"), Contender.ASYNC).verdict(), async.verdict());
        assertEquals(summary(plain, "fan-seq").servers(), fanSeq.servers(), "the servers' figures as measured");
        assertEquals("async: 7 failed (downstream-refused 6, timeout 1); drifted c",
                summary(marked, "broken").invalidReason());
        assertTrue(summary(marked, "clients-100").valid(), "a scenario with no reason is left as it is");
        assertEquals(plain.thresholds(), marked.thresholds(), "judged on the runs' own figures");
    }

    @Test
    void aNotValidScenarioIsLeftOutOfTheSpeedupAverages() {
        BenchReport report = analyse(FixedRuns.plan(), FixedRuns.runs());
        SpeedupSummary clients = SpeedupSummary.of(report, Contender.ASYNC, ScenarioKind.CLIENTS);
        assertEquals(1, clients.valid());
        assertEquals(2, clients.total());
        assertEquals(2.62 / 0.215, clients.mean(), 1e-6);
        assertEquals(13.0, clients.modelMean(), 1e-6);

        SpeedupSummary all = SpeedupSummary.of(report, Contender.ASYNC, null);
        assertEquals(2, all.valid());
        assertEquals(3, all.total());
        assertEquals((1.020 / 0.105 + 2.62 / 0.215) / 2, all.mean(), 1e-6);
        assertEquals(1.020 / 0.105, all.min(), 1e-6);
        assertEquals(2.62 / 0.215, all.max(), 1e-6);
    }

    @Test
    void warmupRunsAreIgnoredEvenWhenTheyFailedOrWereSlow() {
        List<RunResult> runs = FixedRuns.runs();
        BenchReport report = analyse(FixedRuns.plan(), runs);
        assertTrue(report.runs().stream().noneMatch(RunResult::warmup));
        assertEquals(runs.stream().filter(r -> !r.warmup()).count(), report.runs().size());

        ScenarioSummary fanSeq = summary(report, "fan-seq");
        assertTrue(fanSeq.valid(), "the failed warm-ups must not make fan-seq invalid");
        ServerStats sync = fanSeq.servers().get(0);
        assertEquals(Contender.SYNC, sync.server());
        assertEquals(3, sync.runs());
        assertEquals(1.030, sync.durationS().max(), EPS);
        assertEquals(0, sync.failed());

        // Without the measured runs, the warm-ups alone make no summary at all.
        List<RunResult> onlyWarmups = runs.stream().filter(RunResult::warmup).toList();
        assertTrue(analyse(FixedRuns.plan(), onlyWarmups).scenarios().isEmpty());
    }

    @Test
    void fanOutSpeedupIsTheRatioOfMedianDurationsAndClientsSpeedupTheRatioOfMedianThroughputs() {
        BenchReport report = analyse(FixedRuns.plan(), FixedRuns.runs());
        Comparison fan = comparison(summary(report, "fan-seq"), Contender.ASYNC);
        assertEquals(1.020 / 0.105, fan.speedup(), 1e-9);
        assertEquals(10.0, fan.modelSpeedup(), 1e-9);
        assertEquals("excellent", fan.verdict());
        Comparison clients = comparison(summary(report, "clients-100"), Contender.ASYNC);
        assertEquals((100 / 0.215) / (100 / 2.62), clients.speedup(), 1e-9);
        assertEquals(13.0, clients.modelSpeedup(), 1e-9);
    }

    @Test
    void aServerWithFewerRepetitionsThanPlannedMakesTheScenarioNotValid() {
        BenchPlan plan = ScenarioFileParser.parse("t.yaml",
                "scenarios:\n  - {name: s, kind: fan-out, delay: 0.1, concurrent: 2, repetitions: 2}\n",
                ScenarioFileParser.Caps.of(60_000, 1000), List.of());
        List<RunResult> runs = new ArrayList<>();
        runs.add(fanOut(Contender.SYNC, 1, 0.2));
        runs.add(fanOut(Contender.ASYNC, 1, 0.1));
        runs.add(fanOut(Contender.SYNC, 2, 0.2));
        ScenarioSummary s = analyse(plan, runs).scenarios().get(0);
        assertFalse(s.valid());
        assertEquals("async: only 1 of 2 repetitions ran", s.invalidReason());
        assertTrue(Double.isNaN(comparison(s, Contender.ASYNC).speedup()));
    }

    @Test
    void aScenarioWithoutSyncIsValidAndComparedWithTheFirstServerItLists() {
        BenchPlan plan = ScenarioFileParser.parse("t.yaml",
                "scenarios:\n  - {name: s, kind: fan-out, delay: 0.1, concurrent: 2, repetitions: 1, "
                        + "servers: [async, virtual]}\n",
                ScenarioFileParser.Caps.of(60_000, 1000), List.of());
        List<RunResult> runs = List.of(fanOut(Contender.ASYNC, 1, 0.1), fanOut(Contender.VIRTUAL, 1, 0.2));
        ScenarioSummary s = analyse(plan, runs).scenarios().get(0);
        assertTrue(s.valid(), s.invalidReason());
        assertEquals(Contender.ASYNC, s.baseline());
        assertTrue(s.baselineIsNotSync());
        assertEquals(1, s.comparisons().size());
        // virtual took twice as long as async, the baseline here: a speedup of 0.5
        assertEquals(0.5, comparison(s, Contender.VIRTUAL).speedup(), 1e-9);
        // the model: virtual makes its 2 calls one after another, async at once
        assertEquals(0.5, comparison(s, Contender.VIRTUAL).modelSpeedup(), 1e-9);
    }

    @Test
    void aValidScenarioHasNoReason() {
        assertNull(summary(analyse(FixedRuns.plan(), FixedRuns.runs()), "fan-par").invalidReason());
    }

    @ParameterizedTest(name = "{0}x is {1}")
    @CsvSource({
        "NaN, not valid",
        "0.5, minimal",
        "1.19, minimal",
        "1.2, moderate",
        "1.99, moderate",
        "2.0, good",
        "4.99, good",
        "5.0, excellent",
        "50, excellent",
    })
    void theVerdictUsesTheOriginalSuitesThresholds(double speedup, String verdict) {
        assertEquals(verdict, Comparison.verdict(speedup));
    }

    @ParameterizedTest(name = "mean {0}x: {1}")
    @CsvSource({
        "NaN, no valid scenario",
        "1.5, evaluate case by case",
        "2.0, plan a gradual migration",
        "5.0, prioritise the migration",
        "10.0, prioritise the migration",
        "10.5, migrate critical endpoints now",
    })
    void theDecisionUsesTheOriginalMatrix(double mean, String decision) {
        assertEquals(decision, SpeedupSummary.decision(mean));
    }

    private static RunResult fanOut(Contender role, int rep, double seconds) {
        long ns = Math.round(seconds * 1e9);
        double ms = seconds * 1000;
        return RunBuilder.run("s", ScenarioKind.FAN_OUT, role).repetition(rep).offered(100, 2, 1, 1)
                .outcome(2, 0, Map.of()).durationNs(ns).serverDurationS(seconds)
                .latency(RunBuilder.latency(ms, ms, ms, ms, 1)).build();
    }
}
