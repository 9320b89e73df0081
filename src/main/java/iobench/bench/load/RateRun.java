package iobench.bench.load;

import iobench.bench.RateSpec;
import iobench.bench.Scenario;
import iobench.bench.metrics.ErrorTally;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import iobench.http.ServerRole;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-model run: requests fall due at a constant rate for a duration ({@link Schedule}),
 * whatever the server does. A platform thread (it must not wait for a carrier) parks until each
 * request's intended time and hands it to a virtual thread of its own; the latency is measured
 * from the intended time (corrected for coordinated omission, as wrk2 does) and, beside it, from
 * the actual send. With {@code connections} set, at most that many requests are on the wire at
 * once and one due while all are busy waits for a free one, as in wrk2's fixed connections: its
 * uncorrected latency then hides the wait, the corrected one does not.
 *
 * <p>Everything is bounded: requests admitted (waiting or on the wire) are capped at
 * {@link LoadClient#MAX_IN_FLIGHT}, beyond which a due request is counted as dropped, never
 * waited for; and every request ends by the end of the schedule plus a drain time.
 */
public final class RateRun {
    /** The first request is due this long after the sender starts, so that it is not late from the start. */
    static final long LEAD_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private RateRun() {
    }

    public static RunResult run(LoadClient client, URI base, ServerRole role, Scenario scenario, long delayMs,
                                int repetition, boolean warmup) throws InterruptedException {
        return run(client, base, role, scenario, delayMs, repetition, warmup, LoadClient.MAX_IN_FLIGHT);
    }

    /** How long after the last intended send the answers are waited for. */
    static long drainMs(long durationMs, long delayMs) {
        return Math.max(2_000 + 2 * delayMs, Math.min(durationMs, 30_000));
    }

    static RunResult run(LoadClient client, URI base, ServerRole role, Scenario scenario, long delayMs,
                         int repetition, boolean warmup, int maxAdmitted) throws InterruptedException {
        RateSpec spec = scenario.rate();
        int rate = spec.rate();
        long count = Schedule.count(rate, spec.durationMs());
        URI uri = IoTestUri.of(base, role, delayMs, 1, scenario.strategy());
        int needed = (int) Math.max(1, Math.ceil(rate * delayMs / 1000.0));
        Semaphore connections = spec.connections() > 0 ? new Semaphore(spec.connections(), true) : null;

        Histogram corrected = Histograms.concurrent();
        Histogram uncorrected = Histograms.concurrent();
        Histogram lag = Histograms.concurrent();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger onWire = new AtomicInteger();
        AtomicInteger peakOnWire = new AtomicInteger();
        AtomicInteger successful = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicLong lastEndNs = new AtomicLong();
        ErrorTally errors = new ErrorTally();

        Schedule schedule = new Schedule(System.nanoTime() + LEAD_NS, rate);
        long deadlineNs = schedule.endNs(spec.durationMs()) + TimeUnit.MILLISECONDS.toNanos(drainMs(spec.durationMs(),
                delayMs));
        lastEndNs.set(schedule.startNs());

        Runnable send = () -> {
            for (long n = 0; n < count; n++) {
                long intended = schedule.intendedNs(n);
                for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                if (admitted.incrementAndGet() > maxAdmitted) {
                    admitted.decrementAndGet();
                    dropped.incrementAndGet();
                    continue;
                }
                try {
                    client.threads().execute(() -> {
                        try {
                            Histograms.recordNanos(lag, System.nanoTime() - intended);
                            one(client, uri, intended, deadlineNs, connections, onWire, peakOnWire, corrected,
                                    uncorrected, successful, failed, errors, lastEndNs);
                        } finally {
                            admitted.decrementAndGet();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // The client is closing: nothing more can be sent.
                    admitted.decrementAndGet();
                    return;
                }
            }
        };
        Thread sender = Thread.ofPlatform().daemon(true).name("iobench-rate-sender").start(send);
        try {
            sender.join();
            // Every request ends by the deadline (its timeouts say so); a little slack for the last to record.
            long giveUpNs = deadlineNs + TimeUnit.SECONDS.toNanos(2);
            while (admitted.get() > 0 && System.nanoTime() < giveUpNs) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("rate run interrupted");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        } catch (InterruptedException e) {
            sender.interrupt();
            throw e;
        }
        int unfinished = admitted.get();
        if (unfinished > 0) {
            failed.addAndGet(unfinished);
            errors.add("unfinished", unfinished, unfinished + " request(s) still unanswered when the step's drain "
                    + "time (" + drainMs(spec.durationMs(), delayMs) + " ms) ended");
        }
        if (dropped.get() > 0) {
            failed.addAndGet(dropped.get());
            errors.add("dropped", dropped.get(), dropped.get() + " request(s) not sent: " + maxAdmitted
                    + " were in flight already, and a late send would hide the server's delay");
        }
        long durationNs = Math.max(1, lastEndNs.get() - schedule.startNs());
        LatencySummary lagSummary = LatencySummary.of(lag);
        RateFigures figures = new RateFigures(rate, LatencySummary.of(uncorrected), lagSummary, dropped.get(),
                spec.connections(), peakOnWire.get(), needed);
        double lagP99 = lagSummary.count() == 0 ? Double.NaN : lagSummary.p99Ms();
        return new RunResult(new RunId(scenario.name(), scenario.kind(), role, repetition, warmup),
                new Offered(delayMs, 1, needed, (int) count),
                new Outcome(successful.get(), failed.get(), errors.counts(), errors.samples(), durationNs, Double.NaN),
                LatencySummary.of(corrected), RunCosts.NONE, new RunConditions(Double.NaN, lagP99, Double.NaN),
                figures);
    }

    /** One request on its virtual thread: wait for a connection if they are limited, send, record. */
    private static void one(LoadClient client, URI uri, long intendedNs, long deadlineNs, Semaphore connections,
                            AtomicInteger onWire, AtomicInteger peakOnWire, Histogram corrected, Histogram uncorrected,
                            AtomicInteger successful, AtomicInteger failed, ErrorTally errors,
                            AtomicLong lastEndNs) {
        boolean holding = false;
        try {
            if (connections != null) {
                holding = connections.tryAcquire(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!holding) {
                    long now = System.nanoTime();
                    Histograms.recordNanos(corrected, now - intendedNs);
                    failed.incrementAndGet();
                    errors.add("timeout", "no connection of the scenario's 'connections' came free before the "
                            + "step's deadline");
                    lastEndNs.accumulateAndGet(now, Math::max);
                    return;
                }
            }
            peakOnWire.accumulateAndGet(onWire.incrementAndGet(), Math::max);
            HttpResult result;
            try {
                long timeoutNs = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNs - System.nanoTime());
                result = client.get(uri, Duration.ofNanos(timeoutNs));
            } finally {
                onWire.decrementAndGet();
            }
            Histograms.recordNanos(corrected, result.endNs() - intendedNs);
            Histograms.recordNanos(uncorrected, result.latencyNs());
            lastEndNs.accumulateAndGet(result.endNs(), Math::max);
            ClientsRun.Failure failure = ClientsRun.failureOf(result);
            if (failure == null) {
                successful.incrementAndGet();
            } else {
                failed.incrementAndGet();
                errors.add(failure.kind(), failure.message());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
            errors.add("interrupted", "the run was interrupted before this request ended");
        } finally {
            if (holding) {
                connections.release();
            }
        }
    }
}
