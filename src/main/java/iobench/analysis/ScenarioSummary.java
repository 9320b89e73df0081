package iobench.analysis;

import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import java.util.List;

/**
 * @param invalidReason why the scenario's speedups are not valid (a failure, too few repetitions),
 *                      or null when they are
 * @param baseline      what the speedups and capacity ratios are measured against: the plan's baseline
 *                      where it ran, else the first server the scenario lists that ran (sync, for our
 *                      servers alone); null when no server ran
 */
public record ScenarioSummary(Scenario scenario, List<ServerStats> servers, List<Comparison> comparisons,
                              String invalidReason, Contender baseline) {
    public ScenarioSummary {
        servers = List.copyOf(servers);
        comparisons = List.copyOf(comparisons);
    }

    /** Whether speedups are measured against another server than sync. */
    public boolean baselineIsNotSync() {
        return baseline != null && !baseline.equals(Contender.SYNC);
    }

    public boolean valid() {
        return invalidReason == null;
    }
}
