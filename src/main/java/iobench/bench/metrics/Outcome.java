package iobench.bench.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came back from a run, and how long it took.
 *
 * @param successful      fan-out: downstream calls that succeeded; clients and rate: requests that succeeded
 * @param failed          the same, failed; a request fails when it got no answer, a non-200 status,
 *                        or the server reported a failed downstream call
 * @param errors          failures by the labels of their {@link iobench.core.ErrorKey} (refused, timeout,
 *                        http-502, downstream-refused, ...)
 * @param errorSamples    the first message of each kind in {@code errors}, one short line each
 * @param durationNs      client-side wall time of the whole run
 * @param serverDurationS fan-out: the duration the server itself measured; NaN otherwise
 * @param staleRetries    requests sent again once because they met a connection the server had closed
 *                        while idle (none of the answer had come): counted, never hidden
 */
public record Outcome(int successful, int failed, Map<String, Integer> errors, Map<String, String> errorSamples,
                      long durationNs, double serverDurationS, int staleRetries) {
    public Outcome(int successful, int failed, Map<String, Integer> errors, Map<String, String> errorSamples,
                   long durationNs, double serverDurationS) {
        this(successful, failed, errors, errorSamples, durationNs, serverDurationS, 0);
    }

    public Outcome {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        errorSamples = Collections.unmodifiableMap(ErrorTally.samples(errorSamples));
    }

    /**
     * Two segments' shares of one run: counts summed, failures summed by kind with the first
     * message of each (this share's first), the longer wall time (every segment times from the
     * one-machine schedule's start), the first server-measured duration known.
     */
    public Outcome add(Outcome other) {
        Map<String, Integer> kinds = new TreeMap<>(errors);
        other.errors.forEach((kind, n) -> kinds.merge(kind, n, Integer::sum));
        Map<String, String> samples = new TreeMap<>(errorSamples);
        other.errorSamples.forEach(samples::putIfAbsent);
        return new Outcome(successful + other.successful, failed + other.failed, kinds, samples,
                Math.max(durationNs, other.durationNs),
                Double.isNaN(serverDurationS) ? other.serverDurationS : serverDurationS,
                staleRetries + other.staleRetries);
    }

    public double durationS() {
        return durationNs / 1e9;
    }

    /** Fan-out: downstream calls per second; clients and rate: requests per second. */
    public double throughputRps() {
        double durationS = durationS();
        return durationS > 0 ? successful / durationS : 0.0;
    }
}
