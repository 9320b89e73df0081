package iobench.analysis;

import iobench.core.Strategy;
import iobench.report.CsvReport;
import iobench.report.FixedRuns;
import iobench.report.MarkdownReport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.BenchPlan;
import iobench.scenario.RateScenario;
import iobench.scenario.RateSpec;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import iobench.scenario.Warmup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Capacity arithmetic on a hand-made staircase [20, 40, 80, 160] at 0.1 s, SLO p99 300 ms and 1 %:
 * sync misses at 160 in repetitions 1 and 2 and already at 80 in repetition 3, so its capacities
 * are 80, 80, 40; async meets every step, so its capacity is at least 160 each time. Ratios
 * 2, 2, 4: geometric mean 2^(4/3) = 2.52; logs 0.693, 0.693, 1.386, mean 0.924, s = 0.400,
 * t(2) = 4.303, half-width 4.303 x 0.400 / sqrt 3 = 0.994: [exp(-0.070), exp(1.918)] = [0.93, 6.81],
 * not significant with three repetitions, and a lower bound (async never missed).
 */
class CapacityTest {
    static final List<Integer> STEPS = List.of(20, 40, 80, 160);
    static final RateSpec SPEC = new RateSpec(STEPS, 5_000, 0, new RateSpec.Slo(300, 0.01));
    static final RateScenario SCENARIO = new RateScenario(new Scenario.Common("cap", 100, 3,
            List.of(Contender.SYNC, Contender.ASYNC), Strategy.SEQUENTIAL, null), SPEC);

    static RunResult run(Contender role, int rep, int rate, double p99Ms, int failed, RunConditions conditions) {
        int requests = rate * 5;
        LatencySummary corrected = RunBuilder.latency(101, 105, p99Ms, p99Ms + 10, requests);
        LatencySummary uncorrected = RunBuilder.latency(101, 104, Math.min(p99Ms, 150), 160, requests);
        LatencySummary lag = RunBuilder.latency(0.2, 0.5, conditions.loadgenLagP99Ms(), 3, requests);
        return RunBuilder.run("cap", ScenarioKind.RATE, role).repetition(rep)
                .offered(100, 1, Math.max(1, rate / 10), requests)
                .outcome(requests - failed, failed, failed == 0 ? Map.of() : Map.of("timeout", failed))
                .durationNs(5_100_000_000L).latency(corrected).conditions(conditions)
                .rate(new RateFigures(rate, uncorrected, lag, 0, 0, Math.max(1, rate / 10), Math.max(1, rate / 10)))
                .build();
    }

    /** A plan of the scenario alone: one warm-up round, no thresholds, our servers only. */
    static BenchPlan plan() {
        return new BenchPlan("rate.yaml", Warmup.rounds(1), 50, List.of(SCENARIO), Map.of(), List.of(), null);
    }

    static RunConditions fine() {
        return new RunConditions(40, 1.0, Double.NaN);
    }

    static List<RunResult> staircase() {
        List<RunResult> runs = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            for (int rate : STEPS) {
                boolean syncMisses = rate == 160 || (rep == 3 && rate == 80);
                runs.add(run(Contender.SYNC, rep, rate, syncMisses ? 2_400 : 110, 0, fine()));
                runs.add(run(Contender.ASYNC, rep, rate, 108, 0, fine()));
            }
        }
        return runs;
    }

    @Test
    void capacityIsTheLastStepMetBeforeTheFirstMissAndTheRatioComesWithItsInterval() {
        Capacity c = Capacity.of(SCENARIO, staircase(), null);
        Capacity.ServerCapacity sync = c.servers().get(0);
        Capacity.ServerCapacity async = c.servers().get(1);
        assertArrayEquals(new double[] {80, 80, 40}, sync.perRepetition());
        assertFalse(sync.censored());
        assertEquals(80, sync.median());
        assertNull(sync.vsBaseline());
        assertArrayEquals(new double[] {160, 160, 160}, async.perRepetition());
        assertTrue(async.censored(), "async met every step: its capacity is a lower bound");
        assertEquals("≥", async.bound());
        Confidence.Interval i = async.vsBaseline();
        assertEquals(Math.pow(2, 4.0 / 3), i.estimate(), 1e-9);
        assertEquals(0.932, i.low(), 0.001);
        assertEquals(6.81, i.high(), 0.01);
        assertEquals(3, i.n());
        assertEquals("not significant", i.word());
        assertTrue(c.invalidRuns().isEmpty(), c.invalidRuns().toString());
    }

    @Test
    void errorsOverTheSloMissAStepAndTheFirstStepMissedGivesNoCapacity() {
        List<RunResult> runs = new ArrayList<>();
        for (int rate : STEPS) {
            // 2 % failed at 40: missed although the p99 is fine.
            runs.add(run(Contender.SYNC, 1, rate, 110, rate == 40 ? 4 : 0, fine()));
            runs.add(run(Contender.ASYNC, 1, rate, 900, 0, fine()));
        }
        Capacity c = Capacity.of(SCENARIO, runs, null);
        assertArrayEquals(new double[] {20}, c.servers().get(0).perRepetition());
        assertArrayEquals(new double[] {0}, c.servers().get(1).perRepetition());
        assertEquals("< 20", Capacity.rateCell(0, false, 20));
        assertTrue(Double.isNaN(c.servers().get(1).vsBaseline().estimate()), "no ratio with a zero capacity");
    }

    @Test
    void aRunWhereTheGeneratorWasTheLimitIsLeftOutWithItsReason() {
        List<RunResult> runs = new ArrayList<>();
        for (int rate : STEPS) {
            RunConditions c = rate == 80 ? new RunConditions(97, 1.0, Double.NaN)
                    : rate == 160 ? new RunConditions(50, 42.0, Double.NaN) : fine();
            // Missed at 80 and 160, but those runs measured the generator, not the server.
            runs.add(run(Contender.SYNC, 1, rate, rate >= 80 ? 2_000 : 110, 0, c));
        }
        Capacity c = Capacity.of(new RateScenario(new Scenario.Common("cap", 100, 1, List.of(Contender.SYNC),
                Strategy.SEQUENTIAL, null), SPEC), runs, null);
        assertArrayEquals(new double[] {40}, c.servers().get(0).perRepetition());
        assertTrue(c.servers().get(0).censored(), "no valid step was missed");
        assertEquals(2, c.invalidRuns().size(), c.invalidRuns().toString());
        assertTrue(c.invalidRuns().get(0).contains("sync at 80/s, repetition 1: the load generator was the limit "
                + "(the machine was 97 % busy)"), c.invalidRuns().toString());
        assertTrue(c.invalidRuns().get(1).contains("sends p99 42.0 ms behind schedule, over 10 ms"),
                c.invalidRuns().toString());
        Capacity.Step step80 = c.steps().stream().filter(s -> s.offeredRps() == 80).findFirst().orElseThrow();
        assertEquals(0, step80.validRuns());
    }

    @Test
    void whenBothCapacitiesAreLowerBoundsNoRatioIsShown() {
        List<RunResult> runs = new ArrayList<>();
        for (int rate : STEPS) {
            runs.add(run(Contender.SYNC, 1, rate, 110, 0, fine()));
            runs.add(run(Contender.ASYNC, 1, rate, 110, 0, fine()));
        }
        BenchReport report = Analysis.analyse(plan(), runs, FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
        assertEquals("?", report.capacities().get(0).servers().get(1).bound());
        String md = MarkdownReport.render(report, List.of(), null);
        assertTrue(md.contains("| async | ≥ 160 | ≥ 160 | – | both capacities are lower bounds (no valid step missed): "
                + "no ratio; raise the staircase |"), md);
    }

    @Test
    void theReportHasTheCapacitySectionTheStepTableAndTheCsvColumns() {
        BenchPlan plan = plan();
        BenchReport report = Analysis.analyse(plan, staircase(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
        assertTrue(report.scenarios().get(0).valid(), report.scenarios().get(0).invalidReason());
        String md = MarkdownReport.render(report, List.of(), null);
        assertTrue(md.contains("## Capacity at the SLO"), md);
        assertTrue(md.contains("| sync | 80, 80, 40 | 80 | baseline |  |"), md);
        assertTrue(md.contains("| async | ≥ 160, ≥ 160, ≥ 160 | ≥ 160 | ≥ 2.52x [0.93–6.81] | not significant |"), md);
        assertTrue(md.contains("| 160 | sync | "), md);
        assertTrue(md.contains("Rate scenarios compare the servers by their capacity at the SLO"), md);
        String csv = CsvReport.render(report);
        String[] lines = csv.split("\n");
        assertTrue(lines[0].endsWith(",offered_rps,latency_uncorrected_p99_ms,loadgen_dropped,loadgen_peak_in_flight,"
                + "stale_retries,error_samples,phase"), lines[0]);
        assertEquals(1 + 3 * 4 * 2, lines.length);
        assertTrue(lines[1].endsWith(",20,110.000,0,2,0,,measured"), lines[1]);
    }
}
