package iobench.bench;

import java.util.List;

/**
 * What a bench run will do, read from a scenario file.
 *
 * @param source      where the scenarios came from (a path, or the jar's default)
 * @param warmupRuns  unmeasured runs per server before the first measured repetition of a scenario
 * @param warmupDelayMs the longest delay a warm-up run uses: warm-ups exercise the same code
 *                    paths and connection counts, they need not wait the whole delay
 */
public record BenchPlan(String source, int warmupRuns, long warmupDelayMs, List<Scenario> scenarios) {
    public BenchPlan {
        scenarios = List.copyOf(scenarios);
    }
}
