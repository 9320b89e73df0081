package iobench.report;

import iobench.bench.metrics.RunResult;
import java.util.List;

/** Everything a report shows: the environment, one summary per scenario and the measured runs. */
public record BenchReport(Environment environment, ModelParams model, List<ScenarioSummary> scenarios,
                          List<RunResult> runs) {
    public BenchReport {
        scenarios = List.copyOf(scenarios);
        runs = List.copyOf(runs);
    }
}
