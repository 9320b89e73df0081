package iobench.server.async;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import iobench.server.fanout.CallOutcome;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One downstream call of {@link DownstreamClient}: its outcome, its deadline and, once it has one,
 * the connection it runs on. Whichever ends it first (the answer, the deadline, a failure, a
 * cancel) sets the outcome; the others find it set and do nothing.
 */
final class Exchange {
    final int index;
    final String target;
    final long startNs;
    final CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
    private final Set<Exchange> pending;
    private volatile ScheduledFuture<?> timer;
    /** The connection carrying the call, so that its deadline can close it. */
    private volatile Channel channel;

    Exchange(int index, String target, long startNs, Set<Exchange> pending) {
        this.index = index;
        this.target = target;
        this.startNs = startNs;
        this.pending = pending;
    }

    void armTimeout(EventExecutor executor, long timeoutMs) {
        timer = executor.schedule(() -> {
            if (fail(new TimeoutException("no answer within " + timeoutMs + " ms"))) {
                // Aborts the call: a late answer must not hold the connection, nor come back into the pool.
                Channel carrying = channel;
                if (carrying != null) {
                    carrying.close();
                }
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
    }

    void runsOn(Channel carrying) {
        channel = carrying;
        if (outcome.isDone()) {
            carrying.close();
        }
    }

    boolean answered(int status) {
        long durationNs = System.nanoTime() - startNs;
        return finish(status >= 200 && status < 300
                ? CallOutcome.success(index, status, durationNs)
                : CallOutcome.httpStatus(index, status, durationNs));
    }

    boolean fail(Throwable cause) {
        if (outcome.isDone()) {
            return false;
        }
        return finish(CallOutcome.failure(index, System.nanoTime() - startNs, cause));
    }

    private boolean finish(CallOutcome result) {
        if (!outcome.complete(result)) {
            return false;
        }
        pending.remove(this);
        ScheduledFuture<?> armed = timer;
        if (armed != null) {
            armed.cancel(false);
        }
        return true;
    }
}
