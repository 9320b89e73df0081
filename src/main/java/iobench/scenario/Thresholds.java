package iobench.scenario;

/**
 * The limits a scenario must meet, from {@code thresholds:} in the scenario file (under
 * {@code defaults} or a scenario; a scenario's keys override the defaults key by key). NaN: no limit.
 *
 * @param speedupMin   every non-sync server's speedup over sync (the point shown in the report,
 *                     not the interval's lower bound) at least this
 * @param p99MaxMs     every server's p99 latency (median over the repetitions; for fan-out the
 *                     latency of the request) at most this
 * @param errorRateMax every server's failed / (successful + failed) at most this fraction
 */
public record Thresholds(double speedupMin, double p99MaxMs, double errorRateMax) {
    public static final Thresholds NONE = new Thresholds(Double.NaN, Double.NaN, Double.NaN);

    /** These limits, with {@code defaults}' for the ones not given here. */
    public Thresholds over(Thresholds defaults) {
        return new Thresholds(Double.isNaN(speedupMin) ? defaults.speedupMin : speedupMin,
                Double.isNaN(p99MaxMs) ? defaults.p99MaxMs : p99MaxMs,
                Double.isNaN(errorRateMax) ? defaults.errorRateMax : errorRateMax);
    }

    public boolean none() {
        return Double.isNaN(speedupMin) && Double.isNaN(p99MaxMs) && Double.isNaN(errorRateMax);
    }
}
