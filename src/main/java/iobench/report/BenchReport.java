package iobench.report;

import iobench.bench.metrics.RunResult;
import java.util.List;

/**
 * Everything a report shows: the environment, one summary per scenario and the measured runs.
 * Warm-up runs are kept apart in {@code warmups}: results.csv lists them (phase warmup), no
 * figure counts them. {@code thresholds} are the scenario file's thresholds checked against the
 * figures, one per threshold, scenario and server.
 *
 * @param incompleteReason why the run stopped before its end (interrupted, simulation server
 *                         gone), or null for a complete run
 */
public record BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios,
                          List<RunResult> runs, String incompleteReason, List<RunResult> warmups,
                          List<ThresholdCheck> thresholds) {
    public BenchReport {
        scenarios = List.copyOf(scenarios);
        runs = List.copyOf(runs);
        warmups = List.copyOf(warmups);
        thresholds = List.copyOf(thresholds);
    }

    public BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios, List<RunResult> runs,
                       String incompleteReason, List<RunResult> warmups) {
        this(environment, model, scenarios, runs, incompleteReason, warmups, List.of());
    }

    public BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios, List<RunResult> runs,
                       String incompleteReason) {
        this(environment, model, scenarios, runs, incompleteReason, List.of());
    }

    public BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios, List<RunResult> runs) {
        this(environment, model, scenarios, runs, null);
    }

    public BenchReport incomplete(String reason) {
        return new BenchReport(environment, model, scenarios, runs, reason, warmups, thresholds);
    }

    public List<ThresholdCheck> brokenThresholds() {
        return thresholds.stream().filter(t -> !t.met()).toList();
    }

    public boolean complete() {
        return incompleteReason == null;
    }
}
