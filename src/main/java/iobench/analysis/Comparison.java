package iobench.analysis;

import iobench.bench.contender.Contender;

/**
 * One server against the sync baseline in one scenario.
 *
 * @param speedup      fan-out: sync duration / this duration; clients: this throughput / sync
 *                     throughput (medians); NaN when the scenario is not valid. It stays the point
 *                     every table and the summary means use, so they read as before.
 * @param modelSpeedup what the simple model expects; NaN where it has no answer (zero delay)
 * @param interval     the 95 % confidence interval of the same ratio taken per repetition, paired
 *                     by repetition number (see {@link Confidence}); all NaN when not valid
 */
public record Comparison(Contender server, double speedup, double modelSpeedup, String verdict,
                         Confidence.Interval interval) {
    public static final Confidence.Interval NO_INTERVAL = new Confidence.Interval(Double.NaN, Double.NaN, Double.NaN, 0);

    public Comparison {
        interval = interval == null ? NO_INTERVAL : interval;
    }

    /** The cell of every table: {@code 9.71x [9.35–10.0] significant}; never a lone ratio. */
    public String cell() {
        if (Double.isNaN(speedup)) {
            return "not valid";
        }
        if (Double.isNaN(interval.low())) {
            return Numbers.times(speedup) + " [–] " + interval.word();
        }
        return Numbers.times(speedup) + " [" + Numbers.bound(interval.low()) + "–" + Numbers.bound(interval.high())
                + "] " + interval.word();
    }

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
