package iobench.bench.load;

import iobench.bench.metrics.RunRecorder;
import iobench.bench.contender.RequestValues;
import iobench.bench.contender.Target;
import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import java.util.function.LongFunction;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one rate run, each on a virtual thread of its own: it waits for a connection
 * if they are limited, sends, and records into the run's recorder. Beside the recorder it keeps
 * what only the rate run needs: the most requests on the wire at once (the connections achieved)
 * and when the last one ended (the end of the run's wall time).
 */
final class RateRequests {
    private final LoadClient client;
    private final Target target;
    /** A request's placeholder values, given its {request_id}. */
    private final LongFunction<RequestValues> values;
    private final long deadlineNs;
    private final Semaphore connections;
    private final RunRecorder recorder;
    private final AtomicInteger onWire = new AtomicInteger();
    private final AtomicInteger peakOnWire = new AtomicInteger();
    private final AtomicLong lastEndNs;

    /**
     * @param deadlineNs  every request ends by then, answered or not
     * @param connections at most this many on the wire at once; 0: no limit but the in-flight cap
     * @param startNs     the schedule's start: the run's wall time if nothing ends
     */
    RateRequests(LoadClient client, Target target, LongFunction<RequestValues> values, long deadlineNs,
                 int connections, RunRecorder recorder, long startNs) {
        this.target = target;
        this.client = client;
        this.values = values;
        this.deadlineNs = deadlineNs;
        this.connections = connections > 0 ? new Semaphore(connections, true) : null;
        this.recorder = recorder;
        this.lastEndNs = new AtomicLong(startNs);
    }

    int peakOnWire() {
        return peakOnWire.get();
    }

    long lastEndNs() {
        return lastEndNs.get();
    }

    /** One request due at {@code intendedNs}, on the calling (virtual) thread. */
    void send(long intendedNs) {
        recorder.sendLagNs(System.nanoTime() - intendedNs);
        boolean holding = false;
        try {
            if (connections != null) {
                holding = connections.tryAcquire(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!holding) {
                    long now = System.nanoTime();
                    recorder.latencyNs(now - intendedNs);
                    recorder.failed(ErrorKey.of(ErrorKind.TIMEOUT), "no connection of the scenario's 'connections' came free before the "
                            + "step's deadline");
                    lastEndNs.accumulateAndGet(now, Math::max);
                    return;
                }
            }
            peakOnWire.accumulateAndGet(onWire.incrementAndGet(), Math::max);
            HttpResult result;
            try {
                long timeoutNs = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNs - System.nanoTime());
                result = client.send(target, values.apply(client.nextRequestId()), Duration.ofNanos(timeoutNs));
            } finally {
                onWire.decrementAndGet();
            }
            recorder.latencyNs(result.endNs() - intendedNs);
            recorder.serviceTimeNs(result.latencyNs());
            lastEndNs.accumulateAndGet(result.endNs(), Math::max);
            ClientsRun.record(recorder, result, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recorder.failed(ErrorKey.of(ErrorKind.INTERRUPTED), "the run was interrupted before this request ended");
        } finally {
            if (holding) {
                connections.release();
            }
        }
    }
}
