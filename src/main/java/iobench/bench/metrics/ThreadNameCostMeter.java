package iobench.bench.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Costs of a server that shares the JVM with others, told apart by the names of its platform
 * threads ({@code sync-}, {@code async-}). Per-thread CPU time and allocation come from the JVM
 * with nanosecond and byte resolution; a sampler counts the server's live threads.
 */
public final class ThreadNameCostMeter implements CostMeter {
    private static final long SAMPLE_EVERY_MS = 25;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final String prefix;
    private final IntSupplier virtualPeak;
    private Map<Long, long[]> before = Map.of();
    private final AtomicInteger peak = new AtomicInteger();
    private Thread sampler;

    /**
     * @param prefix      the server's thread names start with it
     * @param virtualPeak the peak of the server's virtual threads since the last start, or null
     */
    public ThreadNameCostMeter(String prefix, IntSupplier virtualPeak) {
        this.prefix = prefix;
        this.virtualPeak = virtualPeak;
        threads.setThreadCpuTimeEnabled(true);
    }

    @Override
    public void start() {
        before = snapshot();
        peak.set(before.size());
        sampler = Thread.ofPlatform().daemon(true).name("iobench-sampler-" + prefix).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(count(), Math::max);
                try {
                    Thread.sleep(SAMPLE_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public RunCosts stop(int calls) {
        Map<Long, long[]> after = snapshot();
        if (sampler != null) {
            sampler.interrupt();
        }
        peak.accumulateAndGet(after.size(), Math::max);
        long cpuNs = 0;
        long allocBytes = 0;
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[] {0, 0});
            cpuNs += Math.max(0, e.getValue()[0] - was[0]);
            allocBytes += Math.max(0, e.getValue()[1] - was[1]);
        }
        double perCall = Math.max(1, calls);
        return new RunCosts(cpuNs / 1e6 / perCall, allocBytes / 1024.0 / perCall, peak.get(),
                virtualPeak == null ? -1 : virtualPeak.getAsInt(), Double.NaN, "threads");
    }

    /** Thread id to {cpu ns, allocated bytes} for the server's live threads. */
    private Map<Long, long[]> snapshot() {
        Map<Long, long[]> values = new HashMap<>();
        for (long id : ownThreadIds()) {
            values.put(id, new long[] {threads.getThreadCpuTime(id), threads.getThreadAllocatedBytes(id)});
        }
        return values;
    }

    private int count() {
        return ownThreadIds().size();
    }

    /** The ids of the live threads whose names start with the server's prefix. */
    private java.util.List<Long> ownThreadIds() {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                ids.add(info.getThreadId());
            }
        }
        return ids;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.interrupt();
        }
    }
}
