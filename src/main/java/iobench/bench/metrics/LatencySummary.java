package iobench.bench.metrics;

import org.HdrHistogram.Histogram;

/** Percentiles of one run in milliseconds, read from its HdrHistogram (recorded in microseconds). */
public record LatencySummary(double p50Ms, double p90Ms, double p99Ms, double maxMs, long count) {
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new LatencySummary(
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getTotalCount());
    }
}
