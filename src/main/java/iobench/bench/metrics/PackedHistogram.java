package iobench.bench.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A run's latency histogram kept as HdrHistogram's compressed encoding (lossless: every count).
 * A full histogram of iobench's shape (1 µs to 1 hour, 3 digits) is an array of about 23,000 longs,
 * 188 KB however few values it holds; a full bench keeps one per run and per warm-up round, and
 * those arrays were most of the bench JVM's live heap (about 120 MB after the default scenarios'
 * first half). Packed, a run's histogram is a few KB; it is unpacked only for the hlog files and
 * a merge.
 */
public final class PackedHistogram {
    private final byte[] compressed;

    private PackedHistogram(byte[] compressed) {
        this.compressed = compressed;
    }

    /** The histogram packed; null stays null. */
    public static PackedHistogram of(Histogram histogram) {
        if (histogram == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return new PackedHistogram(Arrays.copyOf(buffer.array(), length));
    }

    /** A histogram of its own, every count as it was packed. */
    public Histogram unpack() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        } catch (DataFormatException e) {
            // Packed by this class from a histogram: cannot happen unless memory is corrupt.
            throw new IllegalStateException("a packed histogram cannot be unpacked: " + e.getMessage(), e);
        }
    }

    /** The compressed encoding, as runs.json stores it. */
    public byte[] bytes() {
        return compressed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackedHistogram packed && unpack().equals(packed.unpack());
    }

    @Override
    public int hashCode() {
        return unpack().hashCode();
    }

    @Override
    public String toString() {
        return "PackedHistogram[" + compressed.length + " bytes]";
    }
}
