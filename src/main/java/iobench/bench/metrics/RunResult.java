package iobench.bench.metrics;

import iobench.bench.ScenarioKind;
import iobench.http.ServerRole;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured (or warm-up) run of one scenario against one server.
 *
 * @param repetition      1-based; 0 for warm-up runs
 * @param successful      fan-out: downstream calls that succeeded; clients: requests that succeeded
 * @param failed          the same, failed; a request fails when it got no answer, a non-200 status,
 *                        or the server reported a failed downstream call
 * @param errors          failures by kind (refused, timeout, http-502, downstream-refused, ...)
 * @param durationNs      client-side wall time of the whole run
 * @param throughputRps   fan-out: downstream calls per second; clients: requests per second
 * @param serverDurationS fan-out: the duration the server itself measured; NaN for clients
 * @param rate            rate runs: the offered rate, uncorrected latency and the generator's
 *                        self-check ({@code latency} is then the corrected one); null otherwise
 * @param errorSamples    the first message of each kind in {@code errors}, one short line each
 */
public record RunResult(
        String scenario,
        ScenarioKind kind,
        ServerRole server,
        int repetition,
        boolean warmup,
        long delayMs,
        int concurrent,
        int clients,
        int requests,
        int successful,
        int failed,
        Map<String, Integer> errors,
        long durationNs,
        double throughputRps,
        LatencySummary latency,
        double serverDurationS,
        RunCosts costs,
        RunConditions conditions,
        RateFigures rate,
        Map<String, String> errorSamples) {

    public RunResult(String scenario, ScenarioKind kind, ServerRole server, int repetition, boolean warmup,
                     long delayMs, int concurrent, int clients, int requests, int successful, int failed,
                     Map<String, Integer> errors, long durationNs, double throughputRps, LatencySummary latency,
                     double serverDurationS, RunCosts costs, RunConditions conditions) {
        this(scenario, kind, server, repetition, warmup, delayMs, concurrent, clients, requests, successful, failed,
                errors, durationNs, throughputRps, latency, serverDurationS, costs, conditions, null, Map.of());
    }

    public RunResult {
        errors = new TreeMap<>(errors);
        errorSamples = ErrorTally.samples(errorSamples);
    }

    /** A run whose costs and conditions are not known (yet). */
    public RunResult(String scenario, ScenarioKind kind, ServerRole server, int repetition, boolean warmup,
                     long delayMs, int concurrent, int clients, int requests, int successful, int failed,
                     Map<String, Integer> errors, long durationNs, double throughputRps, LatencySummary latency,
                     double serverDurationS) {
        this(scenario, kind, server, repetition, warmup, delayMs, concurrent, clients, requests, successful, failed,
                errors, durationNs, throughputRps, latency, serverDurationS, RunCosts.NONE, RunConditions.UNKNOWN);
    }

    public RunResult with(RunCosts newCosts, RunConditions newConditions) {
        return new RunResult(scenario, kind, server, repetition, warmup, delayMs, concurrent, clients, requests,
                successful, failed, errors, durationNs, throughputRps, latency, serverDurationS, newCosts, newConditions,
                rate, errorSamples);
    }

    /** The same run with the first message of each error kind. */
    public RunResult withErrorSamples(Map<String, String> samples) {
        return new RunResult(scenario, kind, server, repetition, warmup, delayMs, concurrent, clients, requests,
                successful, failed, errors, durationNs, throughputRps, latency, serverDurationS, costs, conditions,
                rate, samples);
    }

    /** Downstream calls the run asked for: the unit of the per-call costs. */
    public int calls() {
        return concurrent * requests;
    }

    public double durationS() {
        return durationNs / 1e9;
    }

    public double successRate() {
        int total = successful + failed;
        return total == 0 ? 0.0 : (double) successful / total;
    }
}
