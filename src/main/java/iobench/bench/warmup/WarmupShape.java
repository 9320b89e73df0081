package iobench.bench.warmup;

import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;

/**
 * What one warm-up round of a scenario sends: its own request shape (the same downstream calls per
 * request, the same strategy, its clients at once), repeated until the round holds about
 * {@link #ROUND_CALLS} calls, so that even a scenario of one call per run warms its server at a
 * useful pace and a round is long enough to be compared with the next.
 *
 * @param concurrent downstream calls per request
 * @param clients    requests in flight at once
 * @param requests   requests in the round (a multiple of clients)
 */
public record WarmupShape(int concurrent, int clients, int requests) {
    static final int ROUND_CALLS = 400;
    /** A fan-out's copies in flight at once: enough to keep a pool busy without flooding it. */
    static final int MAX_FAN_OUT_COPIES = 32;
    static final int MAX_RATE_CLIENTS = 200;

    public static WarmupShape of(Scenario scenario) {
        return switch (scenario) {
            case ClientsScenario c -> repeated(1, c.clients(), Math.max(c.requests(), ROUND_CALLS));
            case FanOutScenario f -> {
                int k = f.concurrent();
                int requests = ceilDiv(ROUND_CALLS, k);
                yield repeated(k, Math.min(MAX_FAN_OUT_COPIES, requests), requests);
            }
            case RateScenario r -> {
                // The requests a rate keeps in flight at the scenario's delay: rate x delay.
                long inFlight = (long) Math.ceil(r.rate().rates().get(0) * r.delayMs() / 1000.0);
                int clients = (int) Math.max(1, Math.min(MAX_RATE_CLIENTS, inFlight));
                yield repeated(1, clients, ROUND_CALLS);
            }
        };
    }

    /**
     * What makes two scenarios the same shape for a server's warm-up: their kind and strategy (the
     * async server takes no strategy), so that a server steady under one needs only a round under the other.
     */
    public static String key(Scenario scenario, Contender role) {
        return scenario.kind() + "/" + (role.equals(Contender.ASYNC) ? "" : scenario.strategy().label());
    }

    private static WarmupShape repeated(int concurrent, int clients, int atLeastRequests) {
        return new WarmupShape(concurrent, clients, ceilDiv(atLeastRequests, clients) * clients);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public long calls() {
        return (long) concurrent * requests;
    }
}
