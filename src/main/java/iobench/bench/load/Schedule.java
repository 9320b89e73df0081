package iobench.bench.load;

/**
 * When each request of an open-model run is meant to leave: a pure function of time, as in
 * Hyperfoil and wrk2, so that a slow server can never slow the arrivals down. Integer
 * arithmetic in nanoseconds: request {@code n} of a rate {@code r} per second is due exactly at
 * {@code start + n * 1e9 / r} (rounded down), with no drift accumulated from one to the next.
 *
 * @param startNs    the intended send time of request 0 ({@link System#nanoTime()} scale)
 * @param ratePerS   requests per second, at least 1
 */
public record Schedule(long startNs, int ratePerS) {
    public Schedule {
        if (ratePerS < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second, got " + ratePerS);
        }
    }

    /** The intended send time of request {@code n} (0-based). */
    public long intendedNs(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, got " + n);
        }
        return startNs + (n / ratePerS) * 1_000_000_000L
                + (n % ratePerS) * 1_000_000_000L / ratePerS;
    }

    /** How many requests fall due in {@code [start, start + durationMs)}: ceil(durationMs * rate / 1000). */
    public static long count(int ratePerS, long durationMs) {
        if (ratePerS < 1 || durationMs < 0) {
            throw new IllegalArgumentException("rate " + ratePerS + " or duration " + durationMs + " ms out of range");
        }
        return Math.ceilDiv(durationMs * ratePerS, 1000L);
    }

    /** The end of the schedule's window: {@code start + durationMs}. */
    public long endNs(long durationMs) {
        return startNs + durationMs * 1_000_000L;
    }
}
