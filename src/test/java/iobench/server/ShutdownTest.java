package iobench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.Eventually;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import iobench.testing.Threads;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing a server releases every thread it named, and does not wait for slow requests. */
@Timeout(60)
class ShutdownTest {
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static final String[] SERVER_THREAD_PREFIXES = {"sim-", "sync-", "virtual-"};

    private final Http http = new Http();

    @Test
    void closedServersLeaveNoThreadsOfTheirOwnBehind() {
        // Threads of servers other tests left running are not this test's business.
        Set<Thread> before = Threads.live();
        RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
        RunningServer sync = SyncServer.startPlatform(TestSettings.calling(sim.baseUri()), 0);
        RunningServer virtual = SyncServer.startVirtual(TestSettings.calling(sim.baseUri()), 0);
        // Use every pool: request threads, the parallel fan-out pool, the sim's blocking pool.
        assertEquals(200, http.get(sim.baseUri(), "/slow-io-sync?delay=0").status());
        for (RunningServer server : List.of(sync, virtual)) {
            assertEquals(200, http.get(server.baseUri(), "/health").status());
            assertEquals(200, http.get(server.baseUri(), "/benchmark/io-test?delay=0&concurrent=3&strategy=parallel").status());
        }
        assertTrue(!Threads.startedSince(before, SERVER_THREAD_PREFIXES).isEmpty(), "the servers started no named threads");

        sync.close();
        virtual.close();
        sim.close();

        Eventually.await(CLOSE_WITHIN, () -> Threads.startedSince(before, SERVER_THREAD_PREFIXES).isEmpty(),
                () -> "still alive: " + Threads.names(Threads.startedSince(before, SERVER_THREAD_PREFIXES)));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void closingWhileADownstreamCallHangsReturnsWithinFiveSeconds(ServerKind kind) throws Exception {
        Set<Thread> before = Threads.live();
        // A downstream that accepts and never answers: the request is stuck in its call for good.
        try (ServerSocket silentSim = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silentSim.setSoTimeout(10_000);
            RunningServer server = kind.start(TestSettings.calling(URI.create("http://127.0.0.1:" + silentSim.getLocalPort())), 0);
            CompletableFuture<HttpResponse<String>> inFlight = http.client().sendAsync(
                    HttpRequest.newBuilder(server.baseUri().resolve("/benchmark/io-test?delay=30&concurrent=1"))
                            .timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            try (Socket downstreamCall = silentSim.accept()) {
                long startNs = System.nanoTime();
                server.close();
                double closeS = (System.nanoTime() - startNs) / 1e9;

                assertTrue(closeS < CLOSE_WITHIN.toSeconds(), kind + " took " + closeS + " s to close");
                Eventually.await(CLOSE_WITHIN, () -> Threads.startedSince(before, SERVER_THREAD_PREFIXES).isEmpty(),
                        () -> "still alive: " + Threads.names(Threads.startedSince(before, SERVER_THREAD_PREFIXES)));
            } finally {
                inFlight.cancel(true);
            }
        }
    }

    /**
     * Bench's Ctrl-C: a fan-out of 30 calls to a downstream that never answers ends at once, every
     * call failed (none of the 29 left is started), and the server then closes without waiting.
     */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void cancelInFlightEndsAFanOutThatWouldHangAtOnce(ServerKind kind) throws Exception {
        try (ServerSocket silentSim = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silentSim.setSoTimeout(10_000);
            RunningServer server = kind.start(TestSettings.calling(URI.create("http://127.0.0.1:" + silentSim.getLocalPort())), 0);
            CompletableFuture<HttpResponse<String>> inFlight = http.client().sendAsync(
                    HttpRequest.newBuilder(server.baseUri().resolve("/benchmark/io-test?delay=30&concurrent=30"))
                            .timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            try (Socket downstreamCall = silentSim.accept()) {
                long startNs = System.nanoTime();
                server.cancelInFlight();
                HttpResponse<String> answer = inFlight.get(CLOSE_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                double answeredS = (System.nanoTime() - startNs) / 1e9;
                server.close();
                double closedS = (System.nanoTime() - startNs) / 1e9;

                assertEquals(502, answer.statusCode(), answer.body());
                assertEquals(30, Http.parse(answer.body()).path("results").path("failed").asInt(), answer.body());
                assertTrue(closedS < CLOSE_WITHIN.toSeconds(), kind + " answered after " + answeredS
                        + " s and closed after " + closedS + " s");
            } finally {
                inFlight.cancel(true);
                server.close();
            }
        }
    }

    /** Bench's Ctrl-C: the sim closes at once although a wait of 30 s is in flight (its grace period is 3 s). */
    @Test
    void afterCancelInFlightTheSimClosesWithoutWaitingForItsWaits() throws Exception {
        RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
        CompletableFuture<HttpResponse<String>> waiting = http.client().sendAsync(
                HttpRequest.newBuilder(sim.baseUri().resolve("/slow-io?delay=30"))
                        .timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        try {
            Eventually.await(Duration.ofSeconds(10),
                    () -> http.get(sim.baseUri(), "/health").json().path("waits_in_flight").asInt() == 1,
                    () -> "the request did not start its wait");
            long startNs = System.nanoTime();
            sim.cancelInFlight();
            sim.close();
            double closeS = (System.nanoTime() - startNs) / 1e9;

            // The bound for all of bench's stop; the grace period alone is 3 s.
            assertTrue(closeS < 2, "the sim took " + closeS + " s to close");
            Eventually.await(CLOSE_WITHIN, waiting::isDone, () -> "the waiting request did not end");
        } finally {
            waiting.cancel(true);
            sim.close();
        }
    }

    @Test
    void closingTheSimWhileRequestsWaitAtItsGateReturnsWithinFiveSeconds() {
        RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
        CompletableFuture<HttpResponse<String>> parked = http.client().sendAsync(
                HttpRequest.newBuilder(sim.baseUri().resolve("/concurrency/block?delay=0"))
                        .timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        try {
            Eventually.await(Duration.ofSeconds(10),
                    () -> http.get(sim.baseUri(), "/concurrency/status").json().path("parked").asInt() == 1,
                    () -> "the request did not park");
            long startNs = System.nanoTime();
            sim.close();
            double closeS = (System.nanoTime() - startNs) / 1e9;

            assertTrue(closeS < CLOSE_WITHIN.toSeconds(), "the sim took " + closeS + " s to close");
        } finally {
            parked.cancel(true);
        }
    }
}
