package iobench.bench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A run's histogram kept packed: every count comes back, in a small part of the memory. */
class PackedHistogramTest {
    @Test
    void everyCountComesBackAndTheRunKeepsAFewKilobytesNotAFullCountsArray() {
        Histogram recorded = Histograms.concurrent();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // 25 ms calls with a tail, as a clients run records them
            Histograms.recordNanos(recorded, 25_000_000L + (long) (Math.abs(random.nextGaussian()) * 3_000_000));
        }
        Histograms.recordNanos(recorded, 4_000_000_000L);

        LatencySummary summary = LatencySummary.of(recorded);
        Histogram back = summary.histogramMicros();

        assertEquals(recorded.getTotalCount(), back.getTotalCount());
        assertEquals(recorded.getMaxValue(), back.getMaxValue());
        assertEquals(recorded.getValueAtPercentile(99.9), back.getValueAtPercentile(99.9));
        for (long micros = 24_000; micros < 40_000; micros += 37) {
            assertEquals(recorded.getCountAtValue(micros), back.getCountAtValue(micros), "count at " + micros + " us");
        }
        assertNotSame(back, summary.histogramMicros(), "each caller gets a histogram of its own to change");
        int packedBytes = summary.packedMicros().bytes().length;
        int fullBytes = recorded.getEstimatedFootprintInBytes();
        assertTrue(packedBytes * 20 < fullBytes, "packed " + packedBytes + " bytes against " + fullBytes + " unpacked");
    }

    @Test
    void noHistogramStaysNone() {
        assertNull(PackedHistogram.of(null));
        assertNull(RunBuilder.latency(1, 2, 3, 4, 5).histogramMicros());
    }
}
