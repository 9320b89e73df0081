package iobench.analysis;

import iobench.bench.metrics.RunResult;
import iobench.bench.warmup.TimeToSteady;
import iobench.bench.warmup.WarmupOutcome;
import iobench.scenario.Warmup;
import java.util.List;
import java.util.Map;

/**
 * What a bench run or a merge measured, all of it, for {@link Analysis} to make one complete report of.
 *
 * @param runs             every run, warm-up rounds among them
 * @param warmupCaps       the plan's warm-up mode and its caps
 * @param warmupPhases     how each warm-up phase (scenario, server) ended
 * @param timeToSteady     per server, its first request and how long it took to become steady
 * @param incompleteReason why the run stopped before its end, or null for a complete run
 * @param notValid         by scenario name, what makes its speedups not valid beyond its runs' own
 *                         figures (a merge's runs whose segments began too far apart); empty for a bench run
 */
public record Measurements(List<RunResult> runs, Warmup warmupCaps, List<WarmupOutcome> warmupPhases,
                           List<TimeToSteady> timeToSteady, String incompleteReason,
                           Map<String, List<String>> notValid) {
    public Measurements {
        runs = List.copyOf(runs);
        warmupPhases = List.copyOf(warmupPhases);
        timeToSteady = List.copyOf(timeToSteady);
        notValid = Map.copyOf(notValid);
    }

    /** A complete run whose warm-ups left no outcomes to report (a merge: each segment's own report has them). */
    public static Measurements complete(List<RunResult> runs, Warmup warmupCaps) {
        return new Measurements(runs, warmupCaps, List.of(), List.of(), null, Map.of());
    }
}
