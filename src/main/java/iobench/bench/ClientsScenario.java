package iobench.bench;

/**
 * {@code clients} requests at once, each making one downstream call; with more {@code requests}
 * than clients, each client sends its share one after another (a closed model).
 *
 * @param clients  requests in flight at once
 * @param requests requests per repetition, at least {@code clients}
 */
public record ClientsScenario(Common common, int clients, int requests) implements Scenario {
    public ClientsScenario {
        if (clients < 1) {
            throw new IllegalArgumentException("scenario " + common.name() + ": clients " + clients + " is below 1");
        }
        if (requests < clients) {
            throw new IllegalArgumentException("scenario " + common.name() + ": requests " + requests
                    + " is below clients (" + clients + ")");
        }
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.CLIENTS;
    }
}
