package iobench.bench;

import iobench.scenario.Scenario;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.sim.IoProfile;
import java.net.URI;
import java.time.Duration;

/**
 * Sets the sim-wide profile of a scenario for its runs and resets it afterwards. The compared
 * servers only ever call {@code /slow-io?delay=...}; the sim applies its profile to those calls,
 * so faults reach every server alike without any of them knowing. {@code profileUri} is null
 * when there is nothing to reset.
 */
record SimProfileSetter(LoadClient client, URI profileUri, String scenario) implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * {@code POST /profile} with the scenario's profile; closing the result sends {@code DELETE
     * /profile}. A scenario without a profile leaves the sim alone.
     */
    static SimProfileSetter apply(LoadClient client, URI simUrl, Scenario scenario) {
        IoProfile profile = scenario.simProfile();
        if (profile == null) {
            // Nothing to set (and a run of named targets alone has no sim to set it on).
            return new SimProfileSetter(client, null, scenario.name());
        }
        URI profileUri = URI.create(simUrl.toString().replaceAll("/+$", "") + "/profile");
        check(client.post(URI.create(profileUri + "?" + profile.toQuery()), TIMEOUT), "set", scenario.name(),
                profileUri);
        return new SimProfileSetter(client, profileUri, scenario.name());
    }

    @Override
    public void close() {
        if (profileUri != null) {
            // The next scenario must not run under this one's faults: a failed reset stops the bench.
            check(client.delete(profileUri, TIMEOUT), "reset", scenario, profileUri);
        }
    }

    private static void check(HttpResult result, String verb, String scenario, URI profileUri) {
        if (result.status() != 200) {
            throw new HealthCheck.UnhealthyException("could not " + verb + " the sim's profile for scenario '"
                    + scenario + "' at " + profileUri + ": " + (result.answered()
                    ? "HTTP " + result.status() + " " + result.body() : result.message())
                    + "; the sim must be an iobench sim with /profile");
        }
    }
}
