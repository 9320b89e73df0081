package iobench.server.sync;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import iobench.testing.Threads;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sync server handles exactly {@code sync-threads} requests at once; one more waits a whole delay. */
@Timeout(30)
class BoundedPoolTest {
    private static final int THREADS = 4;
    private static final double DELAY_S = 0.5;
    /** Jetty names its pool threads {@code <pool name>-<id>}; the fan-out pool is {@code sync-fanout-<n>}. */
    private static final Pattern JETTY_SYNC_THREAD = Pattern.compile("sync-(?!fanout-).*");

    private final Http http = new Http();
    private Set<Thread> threadsBefore;
    private RunningServer sim;
    private RunningServer sync;

    @BeforeEach
    void startSimAndSyncWithFourThreads() {
        threadsBefore = Threads.live();
        sim = SimServer.start(TestSettings.loopback(), 0);
        sync = SyncServer.startPlatform(TestSettings.calling(sim.baseUri(), Map.of("sync-threads", THREADS)), 0);
    }

    @AfterEach
    void close() {
        sync.close();
        sim.close();
    }

    @Test
    void oneRequestMoreThanThreadsWaitsAWholeDelay() throws Exception {
        int requests = THREADS + 1;
        // Warm-up, so that class loading and the first connections are not counted as waiting.
        assertEquals(200, http.get(sync.baseUri(), "/benchmark/io-test?delay=0&concurrent=" + THREADS
                + "&strategy=parallel").status());
        URI uri = sync.baseUri().resolve("/benchmark/io-test?delay=" + DELAY_S + "&concurrent=1");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> doneAtNs = new ArrayList<>();
        long releasedAtNs;
        try (ExecutorService clients = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                doneAtNs.add(clients.submit(() -> {
                    go.await();
                    HttpResponse<String> response = http.client().send(
                            HttpRequest.newBuilder(uri).timeout(Http.REQUEST_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    return System.nanoTime();
                }));
            }
            releasedAtNs = System.nanoTime();
            go.countDown();
        }
        List<Double> seconds = new ArrayList<>();
        for (Future<Long> done : doneAtNs) {
            seconds.add((done.get() - releasedAtNs) / 1e9);
        }
        seconds.sort(null);

        double slowest = seconds.get(requests - 1);
        List<Double> fastest = seconds.subList(0, THREADS);
        assertAll(
                () -> assertTrue(fastest.stream().allMatch(s -> s < 2 * DELAY_S),
                        "the " + THREADS + " fastest should each take one delay, took " + seconds),
                // Exact: the extra request can only start when one of the first four has waited its delay.
                () -> assertTrue(slowest >= 2 * DELAY_S,
                        "the extra request should wait a whole delay for a thread, took " + seconds));
    }

    @Test
    void requestThreadsAreJettyThreadsNamedSync() {
        List<String> names = Threads.names(Threads.startedSince(threadsBefore, "sync-"));

        List<String> jettyThreads = names.stream().filter(n -> JETTY_SYNC_THREAD.matcher(n).matches()).toList();
        // The pool is fixed (min = max): request threads plus the pinned acceptor and selector.
        assertEquals(SyncServer.poolThreadsFor(THREADS), jettyThreads.size(), "threads named sync-: " + names);
    }
}
