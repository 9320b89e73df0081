package iobench.bench.metrics;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The one histogram shape of iobench: microseconds, 1 µs to 1 hour, 3 significant digits. */
public final class Histograms {
    public static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    /** Safe to record into from many threads at once. */
    public static Histogram concurrent() {
        return new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    public static void recordNanos(Histogram histogram, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_TRACKABLE_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histogram.recordValue(micros);
    }
}
