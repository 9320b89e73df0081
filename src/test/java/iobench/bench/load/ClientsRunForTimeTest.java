package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Target;
import iobench.bench.metrics.RunResult;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients for a set time against the real sim: each client sends back to back and starts nothing
 * once the time is over. Physics bounds the count: a request of delay d takes at least d, so each
 * client sends at most ceil(time / d) requests, and the run lasts at least the time.
 */
class ClientsRunForTimeTest {
    private static final int CLIENTS = 5;
    private static final long DELAY_MS = 100;
    private static final long TIME_MS = 1_000;

    @Test
    @Timeout(30)
    void everyClientSendsBackToBackUntilTheTimeIsOverAndNoLonger() throws Exception {
        try (RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
             LoadClient client = new LoadClient()) {
            // The delay is written into the URL: the run's own delay (0) is not what the service waits.
            Target target = Target.parseOption("plain=" + sim.baseUri() + "/slow-io?delay=0.1");
            ClientsScenario scenario = new ClientsScenario(new Scenario.Common("c", 0, 1,
                    List.of(target.contender()), Strategy.SEQUENTIAL, null), CLIENTS, 0, TIME_MS);

            RunResult run = ClientsRun.run(client, target, scenario, 0, 1, CLIENTS, 0, TIME_MS, 1, false);

            String figures = run.toString();
            assertEquals(0, run.failed(), figures);
            assertEquals(run.requests(), run.successful(), "the requests counted are those sent: " + figures);
            long mostPerClient = (TIME_MS + DELAY_MS - 1) / DELAY_MS;
            assertTrue(run.successful() <= CLIENTS * mostPerClient, "at most " + mostPerClient + " per client: " + figures);
            assertTrue(run.successful() >= CLIENTS, "every client sent at least once: " + figures);
            assertTrue(run.durationS() >= TIME_MS / 1000.0, "no client stops before the time: " + figures);
            // Generous: one request per client may overrun the time by about its delay.
            assertTrue(run.durationS() < TIME_MS / 1000.0 + 5, figures);
            assertEquals(run.successful() / run.durationS(), run.throughputRps(), 1e-6,
                    "throughput is the successful requests over the wall time");
        }
    }
}
