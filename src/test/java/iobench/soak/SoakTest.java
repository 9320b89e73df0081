package iobench.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import iobench.http.RunningServer;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sustained load on sync, virtual and async (one shared sim) in this JVM, then a check that live
 * threads, open file descriptors and heap come back to where they were. The baseline is taken
 * after a short warm-up under the same load and a quiet period, so pools that grow to their
 * working size once (Jetty's, the fan-out pools, the connection pools) count as the baseline and
 * a leak shows as growth beyond it. {@code make soak} runs only this test;
 * {@code -Diobench.soak.seconds=N} changes the load period (default 60).
 */
@Tag("soak")
class SoakTest {
    private static final int CLIENTS = 50;
    private static final int SOAK_SECONDS = Integer.getInteger("iobench.soak.seconds", 60);
    private static final int WARMUP_SECONDS = 5;
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(15);
    private static final ProcessLevels.Margins MARGINS = ProcessLevels.Margins.DEFAULT;
    private static final int THREAD_MARGIN = MARGINS.threads();
    private static final int FD_MARGIN = MARGINS.fds();
    private static final long HEAP_MARGIN_BYTES = MARGINS.heapBytes();
    private static final List<String> PREFIXES = List.of("sim", "sync", "virtual", "async");

    record Load(long requests, long errors, Map<String, Long> byServer, String firstError) {
    }

    @Test
    void threadsFileDescriptorsAndHeapReturnToTheirLevelAfterSustainedLoad() throws Exception {
        // A 2 s idle timeout closes the load client's keep-alive connections soon after it stops.
        Map<String, Object> overrides = Map.of("idle-timeout-s", 2);
        RunningServer sim = SimServer.start(TestSettings.loopback(overrides), 0);
        ServerSettings settings = TestSettings.calling(sim.baseUri(), overrides);
        RunningServer sync = SyncServer.startPlatform(settings, 0);
        RunningServer virtual = SyncServer.startVirtual(settings, 0);
        RunningServer async = AsyncServer.start(settings, 0);
        try {
            List<RunningServer> fanOut = List.of(sync, virtual, async);
            Load warmup = load(fanOut, Duration.ofSeconds(WARMUP_SECONDS));
            ProcessLevels before = settle(null);
            long startNs = System.nanoTime();
            Load soak = load(fanOut, Duration.ofSeconds(SOAK_SECONDS));
            double loadS = (System.nanoTime() - startNs) / 1e9;
            long settleStartNs = System.nanoTime();
            ProcessLevels after = settle(before);
            double settleS = (System.nanoTime() - settleStartNs) / 1e9;

            System.out.printf("%nSoakTest: %d clients for %.0f s on sync, virtual, async (after a %d s warm-up of %d"
                            + " requests): %d requests (%s), %d errors, %.0f requests/s%n", CLIENTS, loadS,
                    WARMUP_SECONDS, warmup.requests(), soak.requests(), soak.byServer(), soak.errors(),
                    soak.requests() / loadS);
            System.out.printf("%-22s %12s %12s %8s%n", "", "before", "after", "margin");
            before.threadsByPrefix().forEach((p, n) -> System.out.printf("%-22s %12d %12d%n",
                    "threads " + p + "*", n, after.threadsByPrefix().get(p)));
            System.out.printf("%-22s %12d %12d %8s%n", "threads (all)", before.threads(), after.threads(),
                    "+" + THREAD_MARGIN);
            System.out.printf("%-22s %12d %12d %8s%n", "open fds", before.fds(), after.fds(), "+" + FD_MARGIN);
            System.out.printf("%-22s %12.1f %12.1f %8s%n", "heap used MB (gc'd)", before.heapUsed() / 1048576.0,
                    after.heapUsed() / 1048576.0, "+" + (HEAP_MARGIN_BYTES >> 20));
            System.out.printf("settled in %.1f s%n", settleS);

            assertTrue(soak.requests() > 0, "no load was applied");
            assertTrue(soak.errors() == 0, soak.errors() + " errors under load, first: " + soak.firstError());
            assertTrue(after.threads() <= before.threads() + THREAD_MARGIN,
                    "threads " + before.threads() + " -> " + after.threads() + " " + after.threadsByPrefix());
            assertTrue(after.fds() <= before.fds() + FD_MARGIN, "fds " + before.fds() + " -> " + after.fds());
            assertTrue(after.heapUsed() <= before.heapUsed() + HEAP_MARGIN_BYTES,
                    "heap " + before.heapUsed() + " -> " + after.heapUsed());
        } finally {
            async.close();
            virtual.close();
            sync.close();
            sim.close();
        }
    }

    /** {@link #CLIENTS} virtual threads looping fan-outs over the servers, mixed strategies. */
    private static Load load(List<RunningServer> servers, Duration period) throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> byServer = new ConcurrentHashMap<>();
        List<String> firstError = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().name("soak-client-" + c).start(() -> {
                    for (long i = client; !stop.get(); i++) {
                        RunningServer server = servers.get((int) (i % servers.size()));
                        String strategy = server.role() == ServerRole.ASYNC || i % 2 == 0 ? "parallel" : "sequential";
                        URI uri = server.baseUri().resolve("/benchmark/io-test?delay=0.02&concurrent=3&strategy="
                                + strategy);
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || !response.body().contains("\"failed\":0")) {
                                errors.incrementAndGet();
                                if (firstError.isEmpty()) {
                                    firstError.add(server.role().label() + " " + response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstError.isEmpty()) {
                                firstError.add(server.role().label() + " " + e);
                            }
                            if (e instanceof InterruptedException) {
                                return;
                            }
                        }
                        requests.incrementAndGet();
                        byServer.computeIfAbsent(server.role().label(), r -> new AtomicLong()).incrementAndGet();
                    }
                }));
            }
            Thread.sleep(period.toMillis()); // the load period itself, not a synchronisation
            stop.set(true);
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(15));
            }
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        byServer.forEach((role, n) -> counts.put(role, n.get()));
        return new Load(requests.get(), errors.get(), counts, firstError.isEmpty() ? null : firstError.get(0));
    }

    /** See {@link ProcessLevels#settle}: stable, and within the margins of {@code base} after the load. */
    private static ProcessLevels settle(ProcessLevels base) throws InterruptedException {
        return ProcessLevels.settle(base, PREFIXES, MARGINS, SETTLE_WITHIN);
    }
}
