package iobench.bench.metrics;

import iobench.bench.ScenarioKind;
import iobench.bench.ServerRole;
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
        double serverDurationS) {

    public RunResult {
        errors = new TreeMap<>(errors);
    }

    public double durationS() {
        return durationNs / 1e9;
    }

    public double successRate() {
        int total = successful + failed;
        return total == 0 ? 0.0 : (double) successful / total;
    }
}
