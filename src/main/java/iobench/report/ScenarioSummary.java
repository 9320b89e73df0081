package iobench.report;

import iobench.bench.Scenario;
import java.util.List;

/**
 * @param invalidReason why the scenario's speedups are not valid (a failure, a missing baseline),
 *                      or null when they are
 */
public record ScenarioSummary(Scenario scenario, List<ServerStats> servers, List<Comparison> comparisons,
                              String invalidReason) {
    public ScenarioSummary {
        servers = List.copyOf(servers);
        comparisons = List.copyOf(comparisons);
    }

    public boolean valid() {
        return invalidReason == null;
    }
}
