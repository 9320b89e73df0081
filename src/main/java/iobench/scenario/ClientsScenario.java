package iobench.scenario;

/**
 * {@code clients} requests at once, each making one downstream call; with more {@code requests}
 * than clients, each client sends its share one after another (a closed model). With
 * {@code durationMs} instead, every client sends back to back until that time is over.
 *
 * @param clients    requests in flight at once
 * @param requests   requests per repetition, at least {@code clients}; 0 when the run is for a time
 * @param durationMs how long the clients send, per repetition; 0 when the run is a count of requests
 */
public record ClientsScenario(Common common, int clients, int requests, long durationMs) implements Scenario {
    public ClientsScenario {
        if (clients < 1) {
            throw new IllegalArgumentException("scenario " + common.name() + ": clients " + clients + " is below 1");
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("scenario " + common.name() + ": duration " + durationMs
                    + " ms is below 0");
        }
        if (durationMs > 0 && requests != 0) {
            throw new IllegalArgumentException("scenario " + common.name() + ": requests " + requests
                    + " with a duration; expected one of them");
        }
        if (durationMs == 0 && requests < clients) {
            throw new IllegalArgumentException("scenario " + common.name() + ": requests " + requests
                    + " is below clients (" + clients + ")");
        }
    }

    /** A run of {@code requests} requests. */
    public ClientsScenario(Common common, int clients, int requests) {
        this(common, clients, requests, 0);
    }

    /** Whether its runs last a set time ({@code duration}) rather than a count of requests. */
    public boolean forTime() {
        return durationMs > 0;
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.CLIENTS;
    }
}
