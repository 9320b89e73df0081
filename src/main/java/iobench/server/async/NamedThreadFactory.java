package iobench.server.async;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names event-loop threads {@code prefix-1}, {@code prefix-2}, ... so that a thread dump and the
 * CPU accounting of a benchmark can tell the async server's threads from everyone else's.
 * Threads are {@link FastThreadLocalThread}s, as Netty's own factory makes them.
 */
final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger next = new AtomicInteger();

    NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, prefix + next.incrementAndGet());
        thread.setDaemon(daemon);
        return thread;
    }
}
