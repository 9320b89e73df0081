package iobench.bench.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one run in milliseconds, read from its HdrHistogram (recorded in microseconds).
 *
 * @param histogramMicros a copy of the run's histogram, for the {@code .hlog} files that let a run be
 *                        re-analysed or merged later; null where none was recorded (hand-made runs)
 */
public record LatencySummary(double p50Ms, double p90Ms, double p99Ms, double maxMs, long count,
                             Histogram histogramMicros) {

    public static LatencySummary of(Histogram micros) {
        Histogram copy = new Histogram(micros.getLowestDiscernibleValue(), micros.getHighestTrackableValue(),
                micros.getNumberOfSignificantValueDigits());
        copy.add(micros);
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, copy);
        }
        return new LatencySummary(
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getTotalCount(),
                copy);
    }

    /**
     * The summary of both shares' requests: their histograms added, so that a percentile is read
     * from the union, never averaged from the shares' percentiles (HdrHistogram's own add).
     */
    public LatencySummary add(LatencySummary other) {
        if (histogramMicros == null || other.histogramMicros == null) {
            throw new IllegalArgumentException("a latency summary without its histogram cannot be added");
        }
        Histogram sum = Histograms.concurrent();
        sum.add(histogramMicros);
        sum.add(other.histogramMicros);
        return of(sum);
    }
}
