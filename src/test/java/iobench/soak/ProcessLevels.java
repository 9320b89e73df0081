package iobench.soak;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of what this process holds: live threads (in all and by name prefix), open file
 * descriptors and heap after a GC. The soak tests take one before and one after their load and
 * compare them within {@link Margins}.
 *
 * @param fds -1 where {@code /proc/self/fd} cannot be read
 */
record ProcessLevels(Map<String, Integer> threadsByPrefix, int threads, int fds, long heapUsed) {

    /** How far above the baseline each level may end. */
    record Margins(int threads, int fds, long heapBytes) {
        /** The soak tests' margins: a few pool threads, sockets in TIME_WAIT's wake, some garbage GC kept. */
        static final Margins DEFAULT = new Margins(10, 50, 64L << 20);
    }

    static ProcessLevels sample(List<String> prefixes) {
        Map<String, Integer> byPrefix = new LinkedHashMap<>();
        prefixes.forEach(p -> byPrefix.put(p, 0));
        int total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive()) {
                continue;
            }
            total++;
            for (String p : prefixes) {
                if (t.getName().startsWith(p)) {
                    byPrefix.merge(p, 1, Integer::sum);
                    break;
                }
            }
        }
        String[] fds = new File("/proc/self/fd").list();
        return new ProcessLevels(byPrefix, total, fds == null ? -1 : fds.length, heapAfterGc());
    }

    private static long heapAfterGc() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    boolean within(ProcessLevels base, Margins margins) {
        return threads <= base.threads + margins.threads() && (fds < 0 || fds <= base.fds + margins.fds())
                && heapUsed <= base.heapUsed + margins.heapBytes();
    }

    /**
     * Polls until two samples a second apart agree and (when {@code base} is given) are within the
     * margins of it, at most {@code within}; returns the last sample.
     */
    static ProcessLevels settle(ProcessLevels base, List<String> prefixes, Margins margins, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        ProcessLevels last = sample(prefixes);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000); // polling interval
            ProcessLevels now = sample(prefixes);
            boolean stable = now.threads() == last.threads() && now.fds() == last.fds();
            // Within the margins is not enough: sockets still closing would be reported as the level.
            boolean done = stable && (base == null || now.within(base, margins));
            last = now;
            if (done) {
                break;
            }
        }
        return last;
    }
}
