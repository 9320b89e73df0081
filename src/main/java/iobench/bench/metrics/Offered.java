package iobench.bench.metrics;

/**
 * What a run asked of the server.
 *
 * @param delayMs    the simulated IO delay of each downstream call
 * @param concurrent downstream calls per request (fan-out: K; clients and rate: 1)
 * @param clients    clients at once; rate runs: the requests in flight the rate needs at {@code delayMs}
 * @param requests   requests the run meant to send (rate runs: every one the schedule made due)
 */
public record Offered(long delayMs, int concurrent, int clients, int requests) {
    /** Downstream calls the run asked for: the unit of the per-call costs. */
    public int calls() {
        return concurrent * requests;
    }

    /** Two segments' shares of one run: what both asked, at the same delay and calls per request. */
    public Offered add(Offered other) {
        return new Offered(delayMs, concurrent, clients + other.clients, requests + other.requests);
    }
}
