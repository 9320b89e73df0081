package iobench.server.downstream;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names event-loop threads {@code prefix-1}, {@code prefix-2}, ... so that a thread dump and the
 * CPU accounting of a benchmark can tell each server's threads from everyone else's.
 * Threads are {@link FastThreadLocalThread}s, as Netty's own factory makes them.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger next = new AtomicInteger();

    public NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, prefix + next.incrementAndGet());
        thread.setDaemon(daemon);
        return thread;
    }

    /**
     * Netty starts an event loop's thread when the first channel lands on it; starting them all
     * at once makes the thread count what the settings say from the first request on.
     */
    public static <G extends NioEventLoopGroup> G started(G group) {
        group.forEach(loop -> loop.execute(() -> { }));
        return group;
    }
}
