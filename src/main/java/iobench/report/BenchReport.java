package iobench.report;

import iobench.bench.metrics.RunResult;
import java.util.List;

/**
 * Everything a report shows: the environment, one summary per scenario and the measured runs.
 *
 * @param incompleteReason why the run stopped before its end (interrupted, simulation server
 *                         gone), or null for a complete run
 */
public record BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios,
                          List<RunResult> runs, String incompleteReason) {
    public BenchReport {
        scenarios = List.copyOf(scenarios);
        runs = List.copyOf(runs);
    }

    public BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios, List<RunResult> runs) {
        this(environment, model, scenarios, runs, null);
    }

    public BenchReport incomplete(String reason) {
        return new BenchReport(environment, model, scenarios, runs, reason);
    }

    public boolean complete() {
        return incompleteReason == null;
    }
}
