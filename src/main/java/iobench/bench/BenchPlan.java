package iobench.bench;

import java.util.List;
import java.util.Map;

/**
 * What a bench run will do, read from a scenario file.
 *
 * @param source      where the scenarios came from (a path, or the jar's default)
 * @param warmupRuns  unmeasured runs per server before the first measured repetition of a scenario
 * @param warmupDelayMs the longest delay a warm-up run uses: warm-ups exercise the same code
 *                    paths and connection counts, they need not wait the whole delay
 * @param thresholds  by scenario name, the limits checked at the end (defaults merged in); a
 *                    scenario without any is not listed
 */
public record BenchPlan(String source, int warmupRuns, long warmupDelayMs, List<Scenario> scenarios,
                        Map<String, Thresholds> thresholds) {
    public BenchPlan {
        scenarios = List.copyOf(scenarios);
        thresholds = Map.copyOf(thresholds);
    }

    public BenchPlan(String source, int warmupRuns, long warmupDelayMs, List<Scenario> scenarios) {
        this(source, warmupRuns, warmupDelayMs, scenarios, Map.of());
    }

    public Thresholds thresholdsOf(String scenario) {
        return thresholds.getOrDefault(scenario, Thresholds.NONE);
    }
}
