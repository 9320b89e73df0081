package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator against a real simulation server on 127.0.0.1, port 0. */
class LoadClientTest {
    private static final int IN_FLIGHT = 1_000;
    private static final double DELAY_S = 2.0;
    /** Far below 1,000 x 2 s, far above 2 s: only requests in flight together can finish in time. */
    private static final double BOUND_S = DELAY_S + 6.0;

    private static RunningServer sim;
    private static LoadClient client;

    @BeforeAll
    static void start() {
        sim = SimServer.start(TestSettings.defaults(), 0);
        client = new LoadClient();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aThousandSlowRequestsAreInFlightTogetherAndAllAnswer200InAboutOneDelay() throws Exception {
        URI uri = URI.create(sim.baseUri() + "/slow-io?delay=" + DELAY_S);
        long startNs = System.nanoTime();
        List<Future<HttpResult>> futures = new ArrayList<>(IN_FLIGHT);
        for (int i = 0; i < IN_FLIGHT; i++) {
            futures.add(client.threads().submit(() -> client.get(uri, Duration.ofSeconds(30))));
        }
        int ok = 0;
        List<String> problems = new ArrayList<>();
        long slowestNs = 0;
        for (Future<HttpResult> f : futures) {
            HttpResult r = f.get();
            slowestNs = Math.max(slowestNs, r.latencyNs());
            if (r.answered() && r.status() == 200) {
                ok++;
            } else if (problems.size() < 5) {
                problems.add(r.answered() ? "HTTP " + r.status() : r.errorKind().label() + ": " + r.message());
            }
        }
        double seconds = (System.nanoTime() - startNs) / 1e9;
        System.out.printf(Locale.ROOT, "LoadClientTest: %d GETs of /slow-io?delay=%.0f finished in %.3f s "
                + "(slowest single request %.3f s); %d answered 200%n", IN_FLIGHT, DELAY_S, seconds, slowestNs / 1e9, ok);

        assertEquals(IN_FLIGHT, ok, () -> "failures, first ones: " + problems);
        assertTrue(seconds >= DELAY_S, "each request waits the delay: " + seconds);
        assertTrue(seconds < BOUND_S, () -> String.format(Locale.ROOT,
                "%d requests of %.0f s took %.3f s; in flight together they take about %.0f s", IN_FLIGHT, DELAY_S,
                seconds, DELAY_S));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theSimSeesAThousandRequestsParkedAtOnce() throws Exception {
        // The sim's own count: requests parked on its gate until released, polled from /concurrency/status.
        ConcurrencyProbe.Step step = ConcurrencyProbe.step(client, sim.baseUri(), IN_FLIGHT);
        System.out.printf(Locale.ROOT, "LoadClientTest: the sim held %d of %d requests at once, released %d, "
                + "%d answered 200, in %.3f s%n", step.parked(), step.sent(), step.released(), step.answered(),
                step.seconds());
        assertTrue(step.ok(), step.problem());
        assertEquals(IN_FLIGHT, step.parked());
        assertEquals(IN_FLIGHT, step.released());
        assertEquals(IN_FLIGHT, step.answered());
    }

    @Test
    void aRefusedConnectionComesBackClassifiedInsteadOfThrown() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        HttpResult r = client.get(URI.create("http://127.0.0.1:" + freePort + "/health"), Duration.ofSeconds(5));
        assertEquals(0, r.status());
        assertEquals("refused", r.errorKind().label());
        assertTrue(r.latencyNs() >= 0);
    }
}
