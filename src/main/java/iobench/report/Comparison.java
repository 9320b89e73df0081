package iobench.report;

import iobench.bench.ServerRole;

/**
 * One server against the sync baseline in one scenario.
 *
 * @param speedup      fan-out: sync duration / this duration; clients: this throughput / sync
 *                     throughput (medians); NaN when the scenario is not valid
 * @param modelSpeedup what the simple model expects; NaN where it has no answer (zero delay)
 */
public record Comparison(ServerRole server, double speedup, double modelSpeedup, String verdict) {

    /** The original suite's verdict words. */
    public static String verdict(double speedup) {
        if (Double.isNaN(speedup)) {
            return "not valid";
        }
        if (speedup >= 5) {
            return "excellent";
        }
        if (speedup >= 2) {
            return "good";
        }
        if (speedup >= 1.2) {
            return "moderate";
        }
        return "minimal";
    }
}
