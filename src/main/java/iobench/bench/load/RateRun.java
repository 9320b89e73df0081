package iobench.bench.load;

import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import iobench.scenario.RateScenario;
import iobench.scenario.RateSpec;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunRecorder;
import iobench.bench.metrics.RunResult;
import iobench.scenario.Segment;
import iobench.bench.contender.Target;
import iobench.bench.contender.RequestValues;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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

    /** After the drain time, how long the last answers' recording is waited for. */
    static final long RECORD_SLACK_MS = 2_000;

    /** How long after the last intended send the answers are waited for. */
    static long drainMs(long durationMs, long delayMs) {
        return Math.max(2_000 + 2 * delayMs, Math.min(durationMs, 30_000));
    }

    /** The longest a run sending for {@code durationMs} can take: its lead, the schedule, the drain and the slack. */
    public static long longestMs(long durationMs, long delayMs) {
        return TimeUnit.NANOSECONDS.toMillis(LEAD_NS) + durationMs + drainMs(durationMs, delayMs) + RECORD_SLACK_MS;
    }

    /**
     * A segment's share of the run: the arrivals {@code k} of the one-machine schedule that are
     * its own ({@code k mod N = index - 1}: every Nth from {@link Segment#firstArrival}), at their
     * one-machine send times, with its share of the rate and the connections; a share without
     * arrivals is an {@link EmptyRun}.
     */
    public static RunResult run(LoadClient client, Target target, RateScenario scenario, long delayMs,
                                int repetition, boolean warmup, Segment segment) throws InterruptedException {
        // What the generator's connection pool and threads hold at once: beyond it a request is dropped, and counted.
        int maxAdmitted = LoadClient.MAX_IN_FLIGHT;
        RateSpec spec = scenario.rate();
        // The one-machine schedule's rate sets the send times; this segment offers its share of it.
        int scheduleRate = spec.rate();
        int rate = segment.shareOf(scheduleRate);
        long scheduleCount = Schedule.count(scheduleRate, spec.durationMs());
        long count = segment.shareOf(scheduleCount);
        int connections = spec.connections() > 0 ? Math.max(1, segment.shareOf(spec.connections())) : 0;
        int needed = (int) Math.max(1, Math.ceil(rate * delayMs / 1000.0));
        if (count == 0) {
            return EmptyRun.of(scenario, target.contender(), delayMs, 1, repetition, warmup, new RateFigures(rate,
                    EmptyRun.empty(), EmptyRun.empty(), 0, connections, 0, needed));
        }
        java.util.function.LongFunction<RequestValues> values = id -> new RequestValues(delayMs, 1,
                scenario.strategy(), id);
        RunRecorder recorder = new RunRecorder();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        Schedule schedule = new Schedule(System.nanoTime() + LEAD_NS, scheduleRate);
        long deadlineNs = schedule.endNs(spec.durationMs()) + TimeUnit.MILLISECONDS.toNanos(drainMs(spec.durationMs(),
                delayMs));
        RateRequests requests = new RateRequests(client, target, values, deadlineNs, connections, recorder,
                schedule.startNs());

        Runnable send = () -> {
            for (long n = segment.firstArrival(); n < scheduleCount; n += segment.count()) {
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
                            requests.send(intended);
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
            long giveUpNs = deadlineNs + TimeUnit.MILLISECONDS.toNanos(RECORD_SLACK_MS);
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
            recorder.failed(unfinished);
            recorder.error(ErrorKey.of(ErrorKind.UNFINISHED), unfinished, unfinished + " request(s) still unanswered when the step's "
                    + "drain time (" + drainMs(spec.durationMs(), delayMs) + " ms) ended");
        }
        if (dropped.get() > 0) {
            recorder.failed(dropped.get());
            recorder.error(ErrorKey.of(ErrorKind.DROPPED), dropped.get(), dropped.get() + " request(s) not sent: " + maxAdmitted
                    + " were in flight already, and a late send would hide the server's delay");
        }
        long durationNs = Math.max(1, requests.lastEndNs() - schedule.startNs());
        RunRecorder.Snapshot figures = recorder.snapshot();
        RateFigures rateFigures = new RateFigures(rate, figures.serviceTime(), figures.sendLag(), dropped.get(),
                connections, requests.peakOnWire(), needed);
        return new RunResult(new RunId(scenario.name(), scenario.kind(), target.contender(), repetition, warmup),
                new Offered(delayMs, 1, needed, (int) count), figures.outcome(durationNs), figures.latency(),
                RunCosts.NONE, new RunConditions(Double.NaN, figures.sendLagP99Ms(), Double.NaN), rateFigures);
    }
}
