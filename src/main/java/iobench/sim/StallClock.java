package iobench.sim;

import java.util.concurrent.TimeUnit;

/**
 * The sim-wide periodic stall: counted from {@code originNs} (when the profile was set), a
 * window of {@code stallMs} opens every {@code everyMs}, the first one {@code everyMs} after the
 * origin. A request due to finish inside a window (start included, end excluded) finishes at
 * the window's end instead; one due outside finishes on time. So during a stall nothing
 * answers, and right after it everything that was due answers at once, as after a GC pause
 * or a failover.
 */
record StallClock(long originNs, long everyMs, long stallMs) {
    static final StallClock NONE = new StallClock(0, 0, 0);

    static StallClock startingNow(IoProfile profile) {
        return new StallClock(System.nanoTime(), profile.stallEveryMs(), profile.stallMs());
    }

    /** How long, in nanoseconds, a request that arrives at {@code nowNs} and is due in {@code delayMs} waits. */
    long waitNs(long nowNs, long delayMs) {
        long delayNs = TimeUnit.MILLISECONDS.toNanos(delayMs);
        if (everyMs == 0) {
            return delayNs;
        }
        long everyNs = TimeUnit.MILLISECONDS.toNanos(everyMs);
        long dueNs = nowNs - originNs + delayNs;
        long window = Math.floorDiv(dueNs, everyNs);
        long windowEndNs = window * everyNs + TimeUnit.MILLISECONDS.toNanos(stallMs);
        if (window >= 1 && dueNs < windowEndNs) {
            return delayNs + (windowEndNs - dueNs);
        }
        return delayNs;
    }
}
