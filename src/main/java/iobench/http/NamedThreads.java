package iobench.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Thread factories and pools whose threads carry their owner's name ({@code sync-}, {@code sim-},
 * ...), so a thread dump or a CPU-time breakdown says whose thread it is.
 */
public final class NamedThreads {
    private NamedThreads() {
    }

    public static ThreadFactory platform(String prefix) {
        return Thread.ofPlatform().name(prefix, 1).daemon(true).factory();
    }

    public static ThreadFactory virtual(String prefix) {
        return Thread.ofVirtual().name(prefix, 1).factory();
    }

    /** A pool of exactly {@code threads} platform threads; extra tasks wait in the queue. */
    public static ExecutorService fixedPool(int threads, String prefix) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), platform(prefix));
        // Idle threads end, so an unused pool costs nothing and a soak can see threads return.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Virtual threads that are counted while they live, so that the peak number of virtual threads
     * a server used can be reported ({@link RuntimeStats}).
     */
    public static ThreadFactory countedVirtual(String prefix) {
        ThreadFactory named = virtual(prefix);
        return task -> named.newThread(() -> {
            int live = RuntimeStats.LIVE_VIRTUAL.incrementAndGet();
            RuntimeStats.PEAK_VIRTUAL.accumulateAndGet(live, Math::max);
            try {
                task.run();
            } finally {
                RuntimeStats.LIVE_VIRTUAL.decrementAndGet();
            }
        });
    }
}
