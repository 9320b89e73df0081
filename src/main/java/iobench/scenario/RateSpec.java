package iobench.scenario;

import java.util.List;

/**
 * What a {@code kind: rate} scenario asks for: requests arriving at a constant rate whatever the
 * server does (an open model), one step after another when {@code rates} is a staircase.
 *
 * @param rates       requests per second of each step, increasing
 * @param durationMs  how long each step sends
 * @param connections the most requests the generator sends at once (as wrk2's {@code -c}); a
 *                    request due while all are busy waits for one, and its latency still counts
 *                    from its intended time. {@code 0}: no limit but the generator's in-flight cap
 * @param slo         what a step must meet to count towards the server's capacity, or null
 */
public record RateSpec(List<Integer> rates, long durationMs, int connections, Slo slo) {
    /** Requests in flight the generator is built and tested for: the most connections a rate scenario may ask. */
    public static final int MAX_IN_FLIGHT = 10_000;

    /**
     * @param p99Ms     the corrected p99 latency a step may reach
     * @param errorRate the share of failed requests a step may have, 0..1
     */
    public record Slo(long p99Ms, double errorRate) {
    }

    public RateSpec {
        rates = List.copyOf(rates);
        if (rates.isEmpty() || durationMs < 1 || connections < 0) {
            throw new IllegalArgumentException("a rate scenario needs at least one rate and a duration");
        }
    }

    /** One step of the staircase, with its own duration (warm-ups send for less time). */
    public RateSpec step(int rate, long stepDurationMs) {
        return new RateSpec(List.of(rate), stepDurationMs, connections, slo);
    }

    /** The rate of a single-step spec (the one a run sends at). */
    public int rate() {
        return rates.get(0);
    }
}
