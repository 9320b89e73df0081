package iobench.analysis;

import iobench.bench.contender.Contender;
import java.util.Map;

/**
 * One server's measured repetitions of one scenario, summarised.
 *
 * @param successRate     successes over all attempts, across the repetitions
 * @param errorSamples    the first message of each kind in {@code errors}, from the earliest repetition that had it
 * @param modelDurationS  what the simple queueing model predicts for this server
 * @param costs           what the server spent, per call
 * @param modelNote       where the measurement misses its model by more than 20 %: by how much and
 *                        the likely limit iobench can see; null when it is within 20 %
 * @param staleRetries    requests sent again once, over all repetitions, because they met a connection
 *                        the server had closed while idle
 */
public record ServerStats(
        Contender server,
        int runs,
        Stat durationS,
        Stat throughputRps,
        Stat p50Ms,
        Stat p99Ms,
        double successRate,
        int failed,
        Map<String, Integer> errors,
        Map<String, String> errorSamples,
        double modelDurationS,
        CostSummary costs,
        double machineCpuPctMax,
        double loadgenLagP99MsMax,
        String modelNote,
        int staleRetries) {

    /** Model / measured median duration: 1.0 is exactly the model, 0.5 twice as slow. NaN without a model. */
    public double efficiency() {
        double measured = durationS().median();
        return modelDurationS > 0 && measured > 0 ? modelDurationS / measured : Double.NaN;
    }
}
