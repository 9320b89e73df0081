package iobench.soak;

import iobench.scenario.Progress;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.bench.load.Schedule;
import iobench.bench.metrics.Histograms;
import iobench.config.ServerSettings;
import iobench.http.Json;
import iobench.http.RunningServer;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The long soak with faults ({@code make soak-long}): each fan-out server in turn (sync, virtual,
 * async; one shared sim; all in this JVM on 127.0.0.1) first has its capacity measured, then takes
 * an open-model load at {@link #LOAD_SHARE} of it for {@code iobench.soaklong.minutes} (default
 * 10) while the sim resets 1 % of its calls and answers 1 % with a 500. At the end every request
 * and every downstream call is accounted for three times over (the generator's count, the sum of
 * the servers' answers, the sim's own count of what it drew), and threads, file descriptors and
 * heap are back to where they were before the load.
 *
 * <p>Excluded from the default test run by its tag (pom.xml, {@code iobench.test.excludedGroups}).
 */
@Tag("soak-long")
class LongSoakTest {
    private static final double MINUTES = Double.parseDouble(System.getProperty("iobench.soaklong.minutes", "10"));
    /** Which servers to soak, in order ({@code make soak-long SOAK_LONG_SERVERS=async} for one). */
    private static final List<String> SERVERS = List.of(
            System.getProperty("iobench.soaklong.servers", "sync,virtual,async").split(","));
    /** A fixed offered rate (req/s) instead of {@link #LOAD_SHARE} of the measured capacity: to replay a run. */
    private static final String FIXED_RATE = System.getProperty("iobench.soaklong.rate", "");
    /** How often the load prints its progress: in flight, answers and the window's latency, GC. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(
            Long.parseLong(System.getProperty("iobench.soaklong.progress-s", "30")));

    /** The request shape: two calls of 50 ms at once, so every server fans out and a failed call can share a request with a good one. */
    private static final long DELAY_MS = 50;
    private static final int CONCURRENT = 2;
    private static final String PATH = String.format(Locale.ROOT,
            "/benchmark/io-test?delay=%.3f&concurrent=%d&strategy=parallel", DELAY_MS / 1000.0, CONCURRENT);

    /** Injected by the sim, per downstream call. */
    private static final double ERROR_RATE = 0.01;
    private static final double RESET_RATE = 0.01;
    /** What a call's failure share must fall in, for each injected kind: wide enough never to flake. */
    private static final double SHARE_MIN = 0.003;
    private static final double SHARE_MAX = 0.04;

    /** Closed-loop clients of the capacity measurement: more than any server here serves at once. */
    private static final int CAPACITY_CLIENTS = 128;
    private static final Duration CAPACITY_WARMUP = Duration.ofSeconds(3);
    private static final Duration CAPACITY_MEASURED = Duration.ofSeconds(8);
    private static final double LOAD_SHARE = 0.70;
    /** Warming before the capacity: windows of this length, until the JIT compiles under this share of one twice running. */
    private static final Duration WARM_WINDOW = Duration.ofSeconds(3);
    private static final double JIT_QUIET_SHARE = 0.05;
    private static final Duration WARM_MAX = Duration.ofSeconds(90);
    /** No window of {@link #PROGRESS_EVERY} may have a p99 above this: 4 x the call delay. */
    private static final long WINDOW_P99_LIMIT_MS = 4 * DELAY_MS;

    /** Bounds of the open load: requests on the wire at once, each request's wait, the wait for the last answers. */
    private static final int MAX_IN_FLIGHT = LoadClient.MAX_IN_FLIGHT;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(40);
    /**
     * The open load's connections: at most this many times the requests a server has in flight at the
     * offered rate (rate x the call delay), and at least {@link #MIN_CONNECTIONS}. Requests over it wait for
     * a connection, their latency still counted from their intended send time, as wrk2 queues requests on its
     * fixed connections. Without a bound a stall of half a second made every late request open a connection
     * of its own (and the server two more to the sim), and on 2 cores the connecting took the CPU the backlog
     * needed: virtual's first 30 s once went from such a stall to 10,000 requests in flight (docs/testing.md).
     */
    private static final int CONNECTIONS_PER_EXPECTED = 4;
    private static final int MIN_CONNECTIONS = 64;
    /** The generator lets idle connections go after this, before the servers' 2 s idle timeout closes them. */
    private static final long CLIENT_KEEP_ALIVE_MS = 1_000;

    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(20);
    private static final ProcessLevels.Margins MARGINS = ProcessLevels.Margins.DEFAULT;
    private static final List<String> PREFIXES = List.of("sim", "sync", "virtual", "async");

    /** The only failure kinds a request or a call may have: the two the sim injects. */
    private static final Set<String> INJECTED_CALL_KINDS = Set.of("http-status", "reset");
    private static final Set<String> INJECTED_REQUEST_KINDS = Set.of("downstream-http-status", "downstream-reset",
            "downstream-http-status+reset");

    /** What the sim says it drew for slow-IO requests (its {@code /health}). */
    record SimCounts(long total, long ok, long injected500, long injected503, long hang, long reset) {
        SimCounts minus(SimCounts o) {
            return new SimCounts(total - o.total, ok - o.ok, injected500 - o.injected500, injected503 - o.injected503,
                    hang - o.hang, reset - o.reset);
        }
    }

    /**
     * One open-model load, counted by the generator (requests) and from the servers' answers (calls).
     *
     * @param due              requests the schedule held
     * @param sent             requests handed to the wire
     * @param dropped          due while {@link #MAX_IN_FLIGHT} were on the wire: not sent
     * @param finished         requests that ended (answered or failed) before the drain ran out
     * @param failedByKind     failed requests by kind: {@code downstream-...} from the answer, else the transport's
     * @param calls            downstream calls the answers report
     * @param callFailures     failed calls by kind, summed over the answers' {@code errors_by_kind}
     * @param inconsistent     answers whose own figures do not add up
     */
    record Load(int rate, double seconds, long due, long sent, long dropped, long finished, long successful,
                Map<String, Long> failedByKind, long answers, long calls, long callsOk, long callsFailed,
                Map<String, Long> callFailures, long inconsistent, String firstOddity, double p50Ms, double p99Ms,
                double maxMs, double worstWindowP99Ms, double worstWindowEndS) {
        long failed() {
            return failedByKind.values().stream().mapToLong(Long::longValue).sum();
        }

        long callFailureSum() {
            return callFailures.values().stream().mapToLong(Long::longValue).sum();
        }

        double share(String kind) {
            return calls == 0 ? 0 : callFailures.getOrDefault(kind, 0L) / (double) calls;
        }
    }

    record Capacity(double requestsPerSecond, long measured, long failed, String firstFailure) {
    }

    record Row(String role, Capacity capacity, Load load, SimCounts sim, ProcessLevels before, ProcessLevels after) {
    }

    private final Http http = new Http();

    @Test
    void everyRequestIsAccountedForAndTheProcessComesBackAfterALongLoadWithFaults() throws Exception {
        // A 2 s idle timeout closes the load client's keep-alive connections soon after it stops.
        Map<String, Object> overrides = Map.of("idle-timeout-s", 2);
        RunningServer sim = SimServer.start(TestSettings.loopback(overrides), 0);
        ServerSettings settings = TestSettings.calling(sim.baseUri(), overrides);
        RunningServer sync = SyncServer.startPlatform(settings, 0);
        RunningServer virtual = SyncServer.startVirtual(settings, 0);
        RunningServer async = AsyncServer.start(settings, 0);
        List<Row> rows = new ArrayList<>();
        try {
            System.out.printf("%nLongSoakTest: %s, the sim resetting %.0f %% and answering %.0f %% of calls with 500;"
                            + " %.0f %% of each server's capacity for %s min%n", PATH, RESET_RATE * 100,
                    ERROR_RATE * 100, LOAD_SHARE * 100, minutes(MINUTES));
            long seed = 1;
            for (RunningServer server : List.of(sync, virtual, async)) {
                if (SERVERS.contains(server.role().label())) {
                    rows.add(soak(server, sim, seed));
                }
                seed++;
            }
        } finally {
            async.close();
            virtual.close();
            sync.close();
            sim.close();
        }
        print(rows);
        List<Executable> checks = new ArrayList<>();
        rows.forEach(row -> checks.addAll(checks(row)));
        // After the table, so a failing soak still shows its figures.
        assertAll(checks);
    }

    private static String faults(long seed) {
        return "error_rate=" + ERROR_RATE + "&reset_rate=" + RESET_RATE + "&seed=" + seed;
    }

    private Row soak(RunningServer server, RunningServer sim, long seed) throws Exception {
        URI uri = server.baseUri().resolve(PATH);
        setProfile(sim, faults(seed + 100));
        double warmS = warm(uri);
        setProfile(sim, null);
        Capacity capacity = capacity(uri);
        ProcessLevels before = ProcessLevels.settle(null, PREFIXES, MARGINS, SETTLE_WITHIN);
        int rate = FIXED_RATE.isBlank() ? (int) Math.max(1, Math.round(capacity.requestsPerSecond() * LOAD_SHARE))
                : Integer.parseInt(FIXED_RATE);
        System.out.printf("%s: warmed %.0f s with the faults on; capacity %.0f req/s (closed loop, %d clients, %d s);"
                        + " offering %d req/s for %s min on at most %d connections%n", server.role().label(), warmS,
                capacity.requestsPerSecond(), CAPACITY_CLIENTS, CAPACITY_MEASURED.toSeconds(), rate, minutes(MINUTES),
                connections(rate));
        setProfile(sim, faults(seed));
        SimCounts simBefore = simCounts(sim);
        Load load;
        try {
            load = openLoad(uri, rate, Math.round(MINUTES * 60_000));
        } finally {
            setProfile(sim, null);
        }
        SimCounts simDrawn = simCounts(sim).minus(simBefore);
        ProcessLevels after = ProcessLevels.settle(before, PREFIXES, MARGINS, SETTLE_WITHIN);
        return new Row(server.role().label(), capacity, load, simDrawn, before, after);
    }

    /**
     * The server's capacity at this request shape, faults off: the completions per second of a
     * closed loop of {@link #CAPACITY_CLIENTS} clients, more than any of the servers serves at once,
     * so the server (or the machine) is the limit, not the clients. The first seconds are its warm-up.
     */
    private static Capacity capacity(URI uri) throws Exception {
        AtomicLong measured = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long fromNs = System.nanoTime() + CAPACITY_WARMUP.toNanos();
        long toNs = fromNs + CAPACITY_MEASURED.toNanos();
        closedLoop(uri, result -> {
            String oddity = result.answered() && result.status() == 200
                    && result.body().contains("\"failed\":0") ? null
                    : result.status() + " " + (result.answered() ? result.body() : result.message());
            if (oddity != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, oddity);
            } else if (result.endNs() >= fromNs && result.endNs() < toNs) {
                measured.incrementAndGet();
            }
        }, () -> {
            while (System.nanoTime() < toNs) {
                LockSupport.parkNanos(toNs - System.nanoTime()); // the measuring window itself
            }
        });
        return new Capacity(measured.get() / (CAPACITY_MEASURED.toNanos() / 1e9), measured.get(), failed.get(),
                firstFailure.get());
    }

    /**
     * Warms the server, the sim and the generator with the soak's own requests and faults, as a
     * closed loop of {@link #CAPACITY_CLIENTS} clients, until this JVM's JIT has compiled for at
     * most {@link #JIT_QUIET_SHARE} of a {@link #WARM_WINDOW} twice running (or {@link #WARM_MAX}).
     * Without it the load began on a machine whose JIT still took about 0.6 s of CPU a second, and
     * the first failed calls made it compile more: the first seconds of the open load fell behind
     * and fed themselves with new connections (docs/performance.md, the soak's start-up episode).
     *
     * @return the seconds it took
     */
    private static double warm(URI uri) throws Exception {
        long startNs = System.nanoTime();
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        closedLoop(uri, result -> { }, () -> {
            long quietWindows = 0;
            long before = jit.getTotalCompilationTime();
            while (quietWindows < 2 && System.nanoTime() - startNs < WARM_MAX.toNanos()) {
                Thread.sleep(WARM_WINDOW.toMillis());
                long after = jit.getTotalCompilationTime();
                quietWindows = after - before <= JIT_QUIET_SHARE * WARM_WINDOW.toMillis() ? quietWindows + 1 : 0;
                before = after;
            }
        });
        return (System.nanoTime() - startNs) / 1e9;
    }

    /** What the main thread does while a closed loop runs; the loop stops when it returns. */
    @FunctionalInterface
    private interface Meanwhile {
        void run() throws Exception;
    }

    /** {@link #CAPACITY_CLIENTS} clients sending one request after another while {@code meanwhile} runs. */
    private static void closedLoop(URI uri, java.util.function.Consumer<HttpResult> onResult, Meanwhile meanwhile)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (LoadClient client = new LoadClient(CLIENT_KEEP_ALIVE_MS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CAPACITY_CLIENTS; c++) {
                clients.add(client.threads().submit(() -> {
                    while (!stop.get()) {
                        onResult.accept(client.get(uri, REQUEST_TIMEOUT));
                    }
                    return null;
                }));
            }
            try {
                meanwhile.run();
            } finally {
                stop.set(true);
            }
            for (Future<?> f : clients) {
                f.get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            }
        }
    }

    /** The bound on the open load's connections at {@code rate} ({@link #CONNECTIONS_PER_EXPECTED}). */
    private static int connections(int rate) {
        return (int) Math.max(MIN_CONNECTIONS, Math.ceil(rate * CONNECTIONS_PER_EXPECTED * DELAY_MS / 1000.0));
    }

    /**
     * Requests due at a constant {@code rate} for {@code durationMs} ({@link Schedule}: a pure
     * function of time, so a slow server never slows the arrivals), each sent on its own virtual
     * thread by the project's {@link LoadClient}; latency counts from the intended send time.
     */
    private static Load openLoad(URI uri, int rate, long durationMs) throws InterruptedException {
        long due = Schedule.count(rate, durationMs);
        AtomicLong sent = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        AtomicLong successful = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong callsOk = new AtomicLong();
        AtomicLong callsFailed = new AtomicLong();
        AtomicLong inconsistent = new AtomicLong();
        AtomicReference<String> firstOddity = new AtomicReference<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Map<String, AtomicLong> failedByKind = new ConcurrentHashMap<>();
        Map<String, AtomicLong> callFailures = new ConcurrentHashMap<>();
        Histogram latency = Histograms.concurrent();
        Recorder window = new Recorder(3);
        Semaphore connectionPermits = new Semaphore(connections(rate));

        try (LoadClient client = new LoadClient(CLIENT_KEEP_ALIVE_MS)) {
            Schedule schedule = new Schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), rate);
            Thread sender = Thread.ofPlatform().daemon(true).name("soak-long-sender").start(() -> {
                for (long n = 0; n < due; n++) {
                    long intended = schedule.intendedNs(n);
                    for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                    int nowInFlight = inFlight.incrementAndGet();
                    mostInFlight.accumulateAndGet(nowInFlight, Math::max);
                    if (nowInFlight > MAX_IN_FLIGHT) {
                        inFlight.decrementAndGet();
                        dropped.incrementAndGet();
                        continue;
                    }
                    sent.incrementAndGet();
                    client.threads().execute(() -> {
                        connectionPermits.acquireUninterruptibly(); // a late request waits here, not on a socket of its own
                        try {
                            HttpResult result = client.get(uri, REQUEST_TIMEOUT);
                            Histograms.recordNanos(latency, result.endNs() - intended);
                            window.recordValue(Math.max(0, (result.endNs() - intended) / 1000));
                            String kind = account(result, answers, calls, callsOk, callsFailed, callFailures,
                                    inconsistent, firstOddity);
                            if (kind == null) {
                                successful.incrementAndGet();
                            } else {
                                failedByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                                if (!INJECTED_REQUEST_KINDS.contains(kind)) {
                                    firstOddity.compareAndSet(null, kind + ": " + (result.answered()
                                            ? result.status() + " " + result.body() : result.message()));
                                }
                            }
                            finished.incrementAndGet();
                        } finally {
                            connectionPermits.release();
                            inFlight.decrementAndGet();
                        }
                    });
                }
            });
            Progress progress = new Progress(window, inFlight, mostInFlight, finished, dropped);
            while (sender.isAlive()) {
                sender.join(PROGRESS_EVERY.toMillis());
                progress.print();
            }
            long giveUpNs = System.nanoTime() + DRAIN.toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < giveUpNs) {
                Thread.sleep(10); // polling for the last answers, bounded by DRAIN
            }
            double seconds = (System.nanoTime() - schedule.startNs()) / 1e9;
            return new Load(rate, seconds, due, sent.get(), dropped.get(), finished.get(), successful.get(),
                    counts(failedByKind), answers.get(), calls.get(), callsOk.get(), callsFailed.get(),
                    counts(callFailures), inconsistent.get(), firstOddity.get(),
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0, progress.worstWindowP99Ms, progress.worstWindowEndS);
        }
    }

    /** One line per {@link #PROGRESS_EVERY}: how the load is going, so a slowdown shows when it starts. */
    private static final class Progress {
        private final Recorder window;
        private final AtomicInteger inFlight;
        /** The most requests on the wire at once since the last line. */
        private final AtomicInteger mostInFlight;
        private final AtomicLong finished;
        private final AtomicLong dropped;
        private final long startNs = System.nanoTime();
        private Histogram reuse;
        private long gcCount = gcCount();
        private long gcMs = gcMs();
        /** The highest p99 of any window so far, and when that window ended (s since the load began). */
        private double worstWindowP99Ms;
        private double worstWindowEndS;

        Progress(Recorder window, AtomicInteger inFlight, AtomicInteger mostInFlight, AtomicLong finished,
                 AtomicLong dropped) {
            this.window = window;
            this.inFlight = inFlight;
            this.mostInFlight = mostInFlight;
            this.finished = finished;
            this.dropped = dropped;
        }

        void print() {
            reuse = window.getIntervalHistogram(reuse);
            long count = gcCount();
            long ms = gcMs();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "  %4.0f s: ended %d (%d in this window, p99 %.0f ms, max %.0f ms),"
                            + " in flight %d (at most %d), dropped %d; GC %d in %d ms; heap %.0f MB%n",
                    (System.nanoTime() - startNs) / 1e9, finished.get(), reuse.getTotalCount(),
                    reuse.getValueAtPercentile(99) / 1000.0, reuse.getMaxValue() / 1000.0, inFlight.get(),
                    mostInFlight.getAndSet(inFlight.get()),
                    dropped.get(), count - gcCount, ms - gcMs, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
            if (reuse.getTotalCount() > 0 && reuse.getValueAtPercentile(99) / 1000.0 > worstWindowP99Ms) {
                worstWindowP99Ms = reuse.getValueAtPercentile(99) / 1000.0;
                worstWindowEndS = (System.nanoTime() - startNs) / 1e9;
            }
            gcCount = count;
            gcMs = ms;
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMs() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    /**
     * Adds one answer's calls to the server-side counts; returns null for a request that fully
     * succeeded, else its failure kind: {@code downstream-} and the failed calls' kinds (sorted,
     * joined by +) when the server answered, {@code http-NNN} for an answer that is not a fan-out
     * report, the transport's kind when no answer came.
     */
    private static String account(HttpResult result, AtomicLong answers, AtomicLong calls, AtomicLong callsOk,
                                  AtomicLong callsFailed, Map<String, AtomicLong> callFailures,
                                  AtomicLong inconsistent, AtomicReference<String> firstOddity) {
        if (!result.answered()) {
            return "transport-" + result.errorKind().label();
        }
        JsonNode root = parse(result.body());
        JsonNode results = root == null ? null : root.path("results");
        if (results == null || !results.path("total").isInt()) {
            return "http-" + result.status();
        }
        answers.incrementAndGet();
        int ok = results.path("successful").asInt();
        int failed = results.path("failed").asInt();
        int total = results.path("total").asInt();
        calls.addAndGet(total);
        callsOk.addAndGet(ok);
        callsFailed.addAndGet(failed);
        Set<String> kinds = new TreeSet<>();
        long byKind = 0;
        for (var e : root.path("errors_by_kind").properties()) {
            kinds.add(e.getKey());
            byKind += e.getValue().asLong();
            callFailures.computeIfAbsent(e.getKey(), k -> new AtomicLong()).addAndGet(e.getValue().asLong());
        }
        int expectedStatus = ok > 0 ? 200 : 502;
        if (ok + failed != total || total != CONCURRENT || byKind != failed || result.status() != expectedStatus) {
            inconsistent.incrementAndGet();
            firstOddity.compareAndSet(null, "inconsistent answer: " + result.status() + " " + result.body());
        }
        return failed == 0 && result.status() == 200 ? null : "downstream-" + String.join("+", kinds);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, Long> counts(Map<String, AtomicLong> atomic) {
        Map<String, Long> out = new TreeMap<>();
        atomic.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Sets the sim-wide profile ({@code POST /profile?query}), or clears it when {@code query} is null. */
    private void setProfile(RunningServer sim, String query) throws Exception {
        HttpRequest.Builder request = query == null
                ? HttpRequest.newBuilder(sim.baseUri().resolve("/profile")).DELETE()
                : HttpRequest.newBuilder(sim.baseUri().resolve("/profile?" + query))
                        .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = http.client().send(request.timeout(Http.REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "profile " + query + ": " + response.body());
    }

    private SimCounts simCounts(RunningServer sim) {
        JsonNode c = http.get(sim.baseUri(), "/health").json().path("slow_io_requests");
        assertTrue(c.path("total").isNumber(), "the sim's /health has no slow_io_requests: " + c);
        return new SimCounts(c.path("total").asLong(), c.path("ok").asLong(), c.path("injected-500").asLong(),
                c.path("injected-503").asLong(), c.path("hang").asLong(), c.path("reset").asLong());
    }

    private static List<Executable> checks(Row row) {
        String who = row.role() + ": ";
        Load l = row.load();
        SimCounts sim = row.sim();
        ProcessLevels b = row.before();
        ProcessLevels a = row.after();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, row.capacity().failed(), who + "failures while measuring capacity, first: "
                + row.capacity().firstFailure()));
        checks.add(() -> assertTrue(l.sent() > 0, who + "no load was applied"));
        // Steady from its first window on: no start-up episode (issue 21), none later.
        checks.add(() -> assertTrue(l.worstWindowP99Ms() <= WINDOW_P99_LIMIT_MS, String.format(Locale.ROOT,
                "%sthe %d s window ending at %.0f s had p99 %.0f ms, over %d ms (4 x the call delay)", who,
                PROGRESS_EVERY.toSeconds(), l.worstWindowEndS(), l.worstWindowP99Ms(), WINDOW_P99_LIMIT_MS)));
        // The generator's count: every request sent ended, as a success or a failure of a known kind.
        checks.add(() -> assertEquals(0, l.dropped(), who + "requests not sent: " + MAX_IN_FLIGHT + " already in flight"));
        checks.add(() -> assertEquals(l.sent(), l.finished(), who + "requests that never ended"));
        checks.add(() -> assertEquals(l.sent(), l.successful() + l.failed(), who + "sent != successful + failed "
                + l.failedByKind()));
        checks.add(() -> assertTrue(INJECTED_REQUEST_KINDS.containsAll(l.failedByKind().keySet()),
                who + "request failures other than the injected ones: " + l.failedByKind() + ", first: "
                        + l.firstOddity()));
        // The servers' count: every request was answered, every answer made its calls and adds up.
        checks.add(() -> assertEquals(l.sent(), l.answers(), who + "requests without a fan-out answer"));
        checks.add(() -> assertEquals(0, l.inconsistent(), who + "answers that do not add up, first: "
                + l.firstOddity()));
        checks.add(() -> assertEquals((long) CONCURRENT * l.answers(), l.calls(), who + "calls != answers x " + CONCURRENT));
        checks.add(() -> assertEquals(l.calls(), l.callsOk() + l.callsFailed(), who + "calls != ok + failed"));
        checks.add(() -> assertEquals(l.callsFailed(), l.callFailureSum(), who + "failed calls != their kinds"));
        checks.add(() -> assertTrue(INJECTED_CALL_KINDS.containsAll(l.callFailures().keySet()),
                who + "call failures other than the injected ones: " + l.callFailures()));
        for (String kind : INJECTED_CALL_KINDS) {
            checks.add(() -> assertTrue(l.share(kind) >= SHARE_MIN && l.share(kind) <= SHARE_MAX, String.format(
                    Locale.ROOT, "%s%s share %.4f outside %.3f..%.3f", who, kind, l.share(kind), SHARE_MIN, SHARE_MAX)));
        }
        // The sim's count: it drew exactly the calls the servers report, and each fault it injected
        // shows up once, as its kind: no reset beyond the injected ones, no retried call.
        checks.add(() -> assertEquals(l.calls(), sim.total(), who + "calls the sim drew " + sim));
        checks.add(() -> assertEquals(l.callsOk(), sim.ok(), who + "good answers the sim drew " + sim));
        checks.add(() -> assertEquals(l.callFailures().getOrDefault("http-status", 0L), sim.injected500(),
                who + "500s injected " + sim));
        checks.add(() -> assertEquals(l.callFailures().getOrDefault("reset", 0L), sim.reset(), who + "resets injected " + sim));
        checks.add(() -> assertEquals(0, sim.injected503() + sim.hang(), who + "faults not asked for " + sim));
        // The process: back within the soak margins of where it stood before the load.
        checks.add(() -> assertTrue(a.threads() <= b.threads() + MARGINS.threads(),
                who + "threads " + b.threads() + " -> " + a.threads() + " " + a.threadsByPrefix()));
        checks.add(() -> assertTrue(a.fds() <= b.fds() + MARGINS.fds(), who + "fds " + b.fds() + " -> " + a.fds()));
        checks.add(() -> assertTrue(a.heapUsed() <= b.heapUsed() + MARGINS.heapBytes(),
                who + "heap " + b.heapUsed() + " -> " + a.heapUsed()));
        return checks;
    }

    /** A Markdown table, ready for the README, and the per-server detail below it. */
    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| server | capacity | offered | minutes | requests | successful | failed requests by kind"
                + " | calls: 500 / reset (sim drew) | latency p50 / p99 ms | threads | fds | heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            Load l = r.load();
            StringBuilder kinds = new StringBuilder();
            l.failedByKind().forEach((k, v) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
            System.out.printf(Locale.ROOT, "| %s | %.0f req/s | %d req/s | %s | %d | %d | %s | %d / %d of %d (%d / %d)"
                            + " | %.0f / %.0f | %d → %d | %d → %d | %.1f → %.1f |%n",
                    r.role(), r.capacity().requestsPerSecond(), l.rate(), minutes(l.seconds() / 60), l.sent(),
                    l.successful(), kinds.isEmpty() ? "none" : kinds, l.callFailures().getOrDefault("http-status", 0L),
                    l.callFailures().getOrDefault("reset", 0L), l.calls(), r.sim().injected500(), r.sim().reset(),
                    l.p50Ms(), l.p99Ms(), r.before().threads(), r.after().threads(), r.before().fds(), r.after().fds(),
                    r.before().heapUsed() / 1048576.0, r.after().heapUsed() / 1048576.0);
        }
        System.out.println();
        for (Row r : rows) {
            Load l = r.load();
            System.out.printf(Locale.ROOT, "%s: due %d, sent %d, dropped %d, ended %d; answers %d, calls %d = %d ok +"
                            + " %d failed %s (500 %.2f %%, reset %.2f %%); sim drew %s; latency max %.0f ms;"
                            + " threads by prefix %s -> %s%n",
                    r.role(), l.due(), l.sent(), l.dropped(), l.finished(), l.answers(), l.calls(), l.callsOk(),
                    l.callsFailed(), l.callFailures(), l.share("http-status") * 100, l.share("reset") * 100, r.sim(),
                    l.maxMs(), r.before().threadsByPrefix(), r.after().threadsByPrefix());
        }
    }

    private static String minutes(double m) {
        return java.math.BigDecimal.valueOf(Math.round(m * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
