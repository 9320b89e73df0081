package iobench.report;

import iobench.bench.ServerRole;
import java.util.Map;

/**
 * One server's measured repetitions of one scenario, summarised.
 *
 * @param successRate     successes over all attempts, across the repetitions
 * @param modelDurationS  what the simple queueing model predicts for this server
 */
public record ServerStats(
        ServerRole server,
        int runs,
        Stat durationS,
        Stat throughputRps,
        Stat p50Ms,
        Stat p99Ms,
        double successRate,
        int failed,
        Map<String, Integer> errors,
        double modelDurationS) {
}
