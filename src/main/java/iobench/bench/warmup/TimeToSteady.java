package iobench.bench.warmup;

import iobench.bench.contender.Contender;
import java.util.List;

/**
 * How long a cold server took to become steady, from its first request: what decides cold-start
 * and autoscaling questions, and what no figure of a warm benchmark shows.
 *
 * @param firstRequestMs the latency of the very first request it answered in this run (one call,
 *                       at the warm-up delay, or at the scenario's for a target that refused that
 *                       one), NaN if none was sent
 * @param delayMs        the delay that first request asked the sim for
 * @param calls          downstream calls of all warm-up rounds up to the end of the first phase
 *                       that ended steady (or of all phases, if none did)
 * @param durationNs     their wall time
 * @param steadyIn       the scenario whose warm-up first ended steady, or null if none did
 * @param refusedDelay   a named target that refused the short warm-up delay, so that its first
 *                       request and warm-ups went at its scenarios' own delays; null for the rest
 */
public record TimeToSteady(Contender server, double firstRequestMs, long delayMs, long calls, long durationNs,
                           String steadyIn, RefusedWarmupDelay refusedDelay) {
    public boolean steady() {
        return steadyIn != null;
    }

    public double durationS() {
        return durationNs / 1e9;
    }

    /** From the server's warm-up phases in the order they ran. */
    public static TimeToSteady of(Contender server, double firstRequestMs, long delayMs, RefusedWarmupDelay refusedDelay,
                                  List<WarmupOutcome> phases) {
        long calls = 0;
        long ns = 0;
        for (WarmupOutcome phase : phases) {
            if (!phase.server().equals(server)) {
                continue;
            }
            calls += phase.calls();
            ns += phase.durationNs();
            if (phase.steady()) {
                return new TimeToSteady(server, firstRequestMs, delayMs, calls, ns, phase.scenario(), refusedDelay);
            }
        }
        return new TimeToSteady(server, firstRequestMs, delayMs, calls, ns, null, refusedDelay);
    }
}
