package iobench.sim;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where {@code /concurrency/block} requests wait until {@code /concurrency/release}. Each waiter
 * has its own future and its own timeout, so a gate nobody opens never holds a request for good
 * (the original's did), and a release counts exactly the requests it let through.
 */
final class Gate {
    private final Set<CompletableFuture<Void>> waiters = new LinkedHashSet<>();
    private final ScheduledExecutorService timer;

    Gate(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Completes when the gate opens, or exceptionally with {@link TimeoutException} after {@code timeoutMs}. */
    CompletableFuture<Void> park(long timeoutMs) {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        synchronized (this) {
            waiters.add(waiter);
        }
        timer.schedule(() -> {
            boolean stillWaiting;
            synchronized (this) {
                stillWaiting = waiters.remove(waiter);
            }
            if (stillWaiting) {
                waiter.completeExceptionally(new TimeoutException("not released within " + timeoutMs + " ms"));
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        return waiter;
    }

    /** Opens the gate for everyone waiting now; returns how many that was. */
    int release() {
        Set<CompletableFuture<Void>> released;
        synchronized (this) {
            released = Set.copyOf(waiters);
            waiters.clear();
        }
        released.forEach(w -> w.complete(null));
        return released.size();
    }

    synchronized int parked() {
        return waiters.size();
    }
}
