package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import java.util.List;
import java.util.Map;

/**
 * What a bench run will do, read from a scenario file.
 *
 * @param source        where the scenarios came from (a path, or the jar's default)
 * @param warmup        how each server is warmed before its first measured run of a scenario
 * @param warmupDelayMs the longest delay a warm-up uses: warm-ups exercise the same code paths
 *                      and connection counts, they need not wait the whole delay
 * @param thresholds    by scenario name, the limits checked at the end (defaults merged in); a
 *                      scenario without any is not listed
 * @param targets       the named contenders the file defines (our servers are predefined, not listed)
 * @param baseline      what speedups and capacity ratios are measured against where it ran; null: the
 *                      first server of each scenario's list (sync when only our servers run: they are
 *                      listed sync first)
 */
public record BenchPlan(String source, Warmup warmup, long warmupDelayMs, List<Scenario> scenarios,
                        Map<String, Thresholds> thresholds, List<Target> targets, Contender baseline) {
    public BenchPlan {
        scenarios = List.copyOf(scenarios);
        thresholds = Map.copyOf(thresholds);
        targets = List.copyOf(targets);
    }

    public Thresholds thresholdsOf(String scenario) {
        return thresholds.getOrDefault(scenario, Thresholds.NONE);
    }

    /**
     * Whether the run needs the sim: our servers call it, or a scenario sets a sim profile on it. A plan of
     * named targets alone does not: they call what they call, and bench starts no sim for them.
     */
    public boolean needsSim() {
        return scenarios.stream().anyMatch(s -> s.simProfile() != null
                || s.servers().stream().anyMatch(Contender::isBuiltIn));
    }

    /** The measured runs of the plan (warm-ups not counted): what "N of M runs" counts. */
    public int measuredRuns() {
        return scenarios.stream().mapToInt(s -> s.servers().size() * s.repetitions() * s.steps()).sum();
    }

    /** The steps of the progress bar: every measured run, and each warm-up round where their number is known. */
    public int progressSteps() {
        int warmupSteps = warmup.none() ? 0 : warmup.mode() == Warmup.Mode.ROUNDS ? warmup.rounds() : 1;
        return measuredRuns() + scenarios.stream().mapToInt(s -> s.servers().size() * warmupSteps).sum();
    }
}
