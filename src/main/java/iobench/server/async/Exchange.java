package iobench.server.async;

import io.netty.channel.Channel;
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
    final long timeoutMs;
    final CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
    private final Set<Exchange> pending;
    private volatile ScheduledFuture<?> timer;
    /** The connection carrying the call, so that its deadline can close it. */
    private volatile Channel channel;

    Exchange(int index, String target, long startNs, long timeoutMs, Set<Exchange> pending) {
        this.index = index;
        this.target = target;
        this.startNs = startNs;
        this.timeoutMs = timeoutMs;
        this.pending = pending;
    }

    /**
     * Sets the call's deadline on its connection's event loop ({@code startNs} + {@code timeoutMs}:
     * connecting counts too) and remembers the connection, so that the deadline can close it.
     * Called on that event loop, where the answer also cancels the timer: neither wakes another thread.
     */
    void runsOn(Channel carrying, long timeoutMs) {
        channel = carrying;
        long leftNs = startNs + TimeUnit.MILLISECONDS.toNanos(timeoutMs) - System.nanoTime();
        if (leftNs <= 0) {
            timeOut(timeoutMs);
            return;
        }
        timer = carrying.eventLoop().schedule(() -> timeOut(timeoutMs), leftNs, TimeUnit.NANOSECONDS);
        if (outcome.isDone()) {
            // Cancelled while the timer was being set: the connection carries a call nobody waits for.
            timer.cancel(false);
            carrying.close();
        }
    }

    private void timeOut(long timeoutMs) {
        if (fail(new TimeoutException("no answer within " + timeoutMs + " ms"))) {
            // Aborts the call: a late answer must not hold the connection, nor come back into the pool.
            channel.close();
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
