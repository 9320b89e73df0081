package iobench.analysis;

import iobench.bench.metrics.RunResult;
import iobench.bench.warmup.TimeToSteady;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupOutcome;
import java.util.List;

/**
 * Everything a report shows: the environment, one summary per scenario and the measured runs;
 * made once, complete, by {@link Analysis#analyse(iobench.scenario.BenchPlan, Measurements, Environment, ModelParams)}.
 * Warm-up runs are kept apart in {@code warmups}: warmup.csv lists them (phase warmup), no
 * figure counts them. {@code thresholds} are the scenario file's thresholds checked against the
 * figures, one per threshold, scenario and server.
 *
 * @param incompleteReason why the run stopped before its end (interrupted, simulation server
 *                         gone), or null for a complete run
 * @param warmupPhases     how each warm-up phase (scenario, server) ended
 * @param timeToSteady     per server, its first request and how long it took to become steady
 * @param warmupCaps       the plan's warm-up mode and its caps
 * @param capacities       per rate scenario what it found ({@link Capacity#of(List, List)}): computed
 *                         once, read by every output that shows it
 */
public record BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios,
                          List<RunResult> runs, String incompleteReason, List<RunResult> warmups,
                          List<ThresholdCheck> thresholds, List<WarmupOutcome> warmupPhases,
                          List<TimeToSteady> timeToSteady, Warmup warmupCaps, List<Capacity> capacities) {
    public BenchReport {
        capacities = List.copyOf(capacities);
        scenarios = List.copyOf(scenarios);
        runs = List.copyOf(runs);
        warmups = List.copyOf(warmups);
        thresholds = List.copyOf(thresholds);
        warmupPhases = List.copyOf(warmupPhases);
        timeToSteady = List.copyOf(timeToSteady);
    }

    /** The servers whose warm-up for this scenario gave up at its cap before they were steady. */
    public List<iobench.bench.contender.Contender> notSteady(String scenario) {
        return warmupPhases.stream().filter(p -> p.scenario().equals(scenario) && p.capped())
                .map(WarmupOutcome::server).toList();
    }

    public List<ThresholdCheck> brokenThresholds() {
        return thresholds.stream().filter(t -> !t.met()).toList();
    }

    public boolean complete() {
        return incompleteReason == null;
    }
}
