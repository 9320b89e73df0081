package iobench.bench.metrics;

import iobench.core.ErrorKey;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * What one run records while it runs, from any number of load threads at once: its latency
 * histograms, how many calls succeeded and failed, and its failures by kind with a message each.
 * Fan-out, clients and rate runs all record into one of these, so that a figure is taken the same
 * way whichever shape measured it; {@link #snapshot} reads the figures once the run is over.
 */
public final class RunRecorder {
    private final Histogram latency = Histograms.concurrent();
    private final Histogram serviceTime = Histograms.concurrent();
    private final Histogram sendLag = Histograms.concurrent();
    private final AtomicInteger successful = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger staleRetries = new AtomicInteger();
    private final ErrorTally errors = new ErrorTally();
    private volatile double serverDurationS = Double.NaN;

    /** A request's latency as the run reports it; rate runs: from its intended send time (corrected). */
    public void latencyNs(long nanos) {
        Histograms.recordNanos(latency, nanos);
    }

    /** Rate runs: from the actual send to the answer, what a tool that times from the send would report. */
    public void serviceTimeNs(long nanos) {
        Histograms.recordNanos(serviceTime, nanos);
    }

    /** How late a request left behind its intended (rate) or common (clients) start: the generator's own lag. */
    public void sendLagNs(long nanos) {
        Histograms.recordNanos(sendLag, nanos);
    }

    /** A request that was sent again after meeting a connection the server had closed idle. */
    public void staleRetries(int count) {
        if (count > 0) {
            staleRetries.addAndGet(count);
        }
    }

    public void succeeded() {
        succeeded(1);
    }

    /** Successes in the run's unit: downstream calls for fan-out, requests otherwise. */
    public void succeeded(int count) {
        successful.addAndGet(count);
    }

    /** One failed request, counted under its kind with its message. */
    public void failed(ErrorKey kind, String message) {
        failed(1);
        error(kind, 1, message);
    }

    /**
     * Failures without a kind of their own: a fan-out request that got no answer failed all its
     * calls, but only once under its kind.
     */
    public void failed(int count) {
        failed.addAndGet(count);
    }

    /** {@code count} failures of one kind, with the message that says why (the first one is kept). */
    public void error(ErrorKey kind, int count, String message) {
        errors.add(kind, count, message);
    }

    /** Failures by kind as the server tallied them in its fan-out answer, with its messages. */
    public void serverErrors(Map<ErrorKey, Integer> counts, Map<ErrorKey, String> samples) {
        errors.addAll(counts, samples);
    }

    /** The fan-out answer's own duration of the request, as the server measured it. */
    public void serverDurationS(double seconds) {
        serverDurationS = seconds;
    }

    public Snapshot snapshot() {
        return new Snapshot(successful.get(), failed.get(), errors.counts(), errors.samples(), serverDurationS,
                LatencySummary.of(latency), LatencySummary.of(serviceTime), LatencySummary.of(sendLag),
                staleRetries.get());
    }

    /**
     * The figures recorded so far, copied: later recording does not change them.
     *
     * @param serviceTime rate runs only; empty otherwise
     * @param sendLag     rate runs: each request's lag behind its intended time; clients: each
     *                    client's first request's lag behind the start signal; empty for fan-out
     */
    public record Snapshot(int successful, int failed, Map<String, Integer> errors, Map<String, String> errorSamples,
                           double serverDurationS, LatencySummary latency, LatencySummary serviceTime,
                           LatencySummary sendLag, int staleRetries) {
        public Snapshot {
            errors = Collections.unmodifiableMap(new TreeMap<>(errors));
            errorSamples = Collections.unmodifiableMap(new TreeMap<>(errorSamples));
        }

        /** What came back, over the run's wall time. */
        public Outcome outcome(long durationNs) {
            return new Outcome(successful, failed, errors, errorSamples, durationNs, serverDurationS, staleRetries);
        }

        /** The generator's send lag at p99 in ms; NaN when nothing was sent. */
        public double sendLagP99Ms() {
            return sendLag.count() == 0 ? Double.NaN : sendLag.p99Ms();
        }
    }
}
