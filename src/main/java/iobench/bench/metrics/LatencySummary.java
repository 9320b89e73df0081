package iobench.bench.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one run in milliseconds, read from its HdrHistogram (recorded in microseconds).
 *
 * @param packedMicros the run's histogram, packed ({@link PackedHistogram}), for the {@code .hlog}
 *                     files that let a run be re-analysed or merged later; null where none was
 *                     recorded (hand-made runs)
 */
public record LatencySummary(double p50Ms, double p90Ms, double p99Ms, double maxMs, long count,
                             PackedHistogram packedMicros) {

    public LatencySummary(double p50Ms, double p90Ms, double p99Ms, double maxMs, long count, Histogram micros) {
        this(p50Ms, p90Ms, p99Ms, maxMs, count, PackedHistogram.of(micros));
    }

    /** A copy of the run's histogram (microseconds), or null where none was recorded. */
    public Histogram histogramMicros() {
        return packedMicros == null ? null : packedMicros.unpack();
    }

    public static LatencySummary of(Histogram micros) {
        PackedHistogram copy = PackedHistogram.of(micros);
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
        if (packedMicros == null || other.packedMicros == null) {
            throw new IllegalArgumentException("a latency summary without its histogram cannot be added");
        }
        Histogram sum = Histograms.concurrent();
        sum.add(histogramMicros());
        sum.add(other.histogramMicros());
        return of(sum);
    }
}
