package iobench.bench.warmup;

import iobench.bench.contender.Contender;
import iobench.bench.metrics.RunResult;
import iobench.core.ErrorKey;

/**
 * A named target that refused the short warm-up delay. A service may accept only delays of its own
 * range (the original Python suite's paths answer 400 below 0.1 s), so it is warmed at each
 * scenario's own delay instead, which the health check's probe showed it accepts; warmed at a delay
 * it refuses, every warm-up request would fail and it would meet its measured runs cold.
 *
 * @param refusedDelayMs the warm-up delay it refused
 * @param why            how, in a few words: "HTTP 400", or the kind of failure ("timeout")
 * @param warmedAtMs     the delay of its first scenario, at which it answered and was warmed there
 */
public record RefusedWarmupDelay(long refusedDelayMs, String why, long warmedAtMs) {
    /** From a request that failed at the warm-up delay: its first kind of failure, as "HTTP 400" or the kind. */
    public static RefusedWarmupDelay of(long refusedDelayMs, RunResult refused, long warmedAtMs) {
        String kind = refused.errors().keySet().stream().findFirst().orElse("failed");
        ErrorKey key = ErrorKey.parse(kind);
        String why = key != null && key.httpStatus() != 0 ? "HTTP " + key.httpStatus() : kind;
        return new RefusedWarmupDelay(refusedDelayMs, why, warmedAtMs);
    }

    /** One line for the console and report.md. */
    public String sentence(Contender server) {
        return server.label() + " refused the " + refusedDelayMs + " ms warm-up delay (" + why
                + "): warmed at the scenario's delay, " + warmedAtMs + " ms";
    }
}
