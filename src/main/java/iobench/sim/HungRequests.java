package iobench.sim;

import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Requests the sim decided never to answer. Each is an open async request with no thread
 * behind it; a timer task closes its connection after {@code cleanupMs} so that connections
 * of clients without a timeout do not pile up for good. As a Jetty {@link Graceful} bean it
 * closes them all when the server stops, so they do not hold the stop for its whole grace period.
 */
final class HungRequests implements Graceful {
    private record Hung(Context ctx, CompletableFuture<Void> never) {
    }

    private final Set<Hung> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final long cleanupMs;
    private volatile boolean shutdown;

    HungRequests(ScheduledExecutorService timer, Executor workers, long cleanupMs) {
        this.timer = timer;
        this.workers = workers;
        this.cleanupMs = cleanupMs;
    }

    /** Leaves the request unanswered until the cleanup closes its connection. */
    void hang(Context ctx) {
        Hung hung = new Hung(ctx, new CompletableFuture<>());
        open.add(hung);
        timer.schedule(() -> workers.execute(() -> close(hung)), cleanupMs, TimeUnit.MILLISECONDS);
        ctx.future(hung::never);
    }

    int count() {
        return open.size();
    }

    private void close(Hung hung) {
        if (open.remove(hung)) {
            // The connection goes first, so that completing the request cannot write an answer.
            Connections.close(hung.ctx());
            hung.never().complete(null);
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        shutdown = true;
        open.forEach(this::close);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }
}
