package iobench.fuzz;

import static iobench.fuzz.Fuzz.frequency;
import static iobench.fuzz.Fuzz.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.RawHttp;
import iobench.testing.TestSettings;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile query strings at every endpoint of every server: never a 5xx, never a hang, always a
 * JSON body with an {@code error} field for a 4xx. {@value #TRIES} inputs per server, generated
 * from a seeded {@link RandomGenerator} ({@link Fuzz#seed()}; {@code -Diobench.fuzz.seed=N} replays
 * another run). Every input is tried; a failure lists how many failed and the first few.
 *
 * <p>The servers run with tight caps (max delay 0.1 s, max fan-out 5, gate timeout 0.2 s), so any
 * request that happens to be valid is cheap. Two kinds of query are sent:
 * <ul>
 * <li>{@link Mode#ENCODED}: keys and values percent-encoded by the test, so the request line is
 *     well-formed HTTP and the garbage sits inside the values.</li>
 * <li>{@link Mode#RAW}: keys, values and separators put on the request line as they are (UTF-8
 *     bytes), including {@code %ZZ}, {@code %00}, spaces and non-ASCII. Some of these are not
 *     valid HTTP, and the HTTP layer (Jetty, Netty) refuses them with a 400 before any route runs;
 *     those answers are JSON too (JavalinServers' error handler, AsyncServer's direct handler).
 *     CR and LF are left out: they split the request itself, which is the request-smuggling
 *     question, not the parameter-parsing one.</li>
 * </ul>
 * The one designed 5xx is the sim's 504 from {@code /concurrency/block} when its gate times out.
 */
class EndpointFuzzTest {
    private static final int TRIES = 300;
    private static final Duration NO_HANG = Duration.ofSeconds(5);
    private static final Map<String, Object> CAPS = Map.of(
            "max-delay-s", "0.1",
            "max-concurrent", 5,
            "gate-timeout-s", "0.2",
            "sync-threads", 4,
            "fanout-threads", 4);

    private static final long SEED = Fuzz.seed();
    private static RunningServer sim;
    private static RunningServer sync;
    private static RunningServer virtual;
    private static RunningServer async;
    /** Per server: inputs tried, by status; printed at the end. */
    private static final Map<String, Map<Integer, AtomicInteger>> STATUSES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> HTTP_LAYER_REFUSALS = new ConcurrentHashMap<>();

    enum Mode { ENCODED, RAW }

    enum Method { GET, POST }

    record Param(String key, String value, boolean withEquals) {
    }

    record Query(Mode mode, List<Param> params, String separator) {
        String render() {
            return params.stream().map(p -> {
                String k = mode == Mode.ENCODED ? encode(p.key()) : raw(p.key());
                String v = mode == Mode.ENCODED ? encode(p.value()) : raw(p.value());
                return p.withEquals() ? k + "=" + v : k;
            }).collect(Collectors.joining(separator));
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private static String raw(String s) {
            return s.replace("\r", "").replace("\n", "");
        }

        @Override
        public String toString() {
            String text = render();
            String shown = text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
            return mode + " " + Fuzz.visible(shown);
        }
    }

    /** One request: the method, the path and the query. */
    record Input(Method method, String path, Query query) {
        @Override
        public String toString() {
            return method + " " + Fuzz.visible(path) + " ? " + query;
        }
    }

    @BeforeAll
    static void startServers() {
        System.out.println("EndpointFuzzTest: " + Fuzz.replay(SEED) + ", " + TRIES + " inputs per server");
        sim = SimServer.start(TestSettings.loopback(CAPS), 0);
        ServerSettings fanOut = TestSettings.calling(sim.baseUri(), CAPS);
        sync = SyncServer.startPlatform(fanOut, 0);
        virtual = SyncServer.startVirtual(fanOut, 0);
        async = AsyncServer.start(fanOut, 0);
    }

    @AfterAll
    static void stopServersAndReport() {
        for (RunningServer server : new RunningServer[] {async, virtual, sync, sim}) {
            if (server != null) {
                server.close();
            }
        }
        int total = 0;
        for (var entry : new TreeMap<>(STATUSES).entrySet()) {
            int tried = entry.getValue().values().stream().mapToInt(AtomicInteger::get).sum();
            total += tried;
            System.out.printf("EndpointFuzzTest %-8s %4d inputs tried; by status %s; refused by the HTTP layer or"
                            + " routing (no 'parameter' field): %d%n",
                    entry.getKey(), tried, new TreeMap<>(entry.getValue()),
                    HTTP_LAYER_REFUSALS.getOrDefault(entry.getKey(), new AtomicInteger()).get());
        }
        System.out.printf("EndpointFuzzTest total: %d inputs tried, %s%n", total, Fuzz.replay(SEED));
    }

    @Test
    void simNeverAnswers5xxOrHangs() {
        RandomGenerator r = Fuzz.random(SEED, "sim");
        List<Input> inputs = inputs(r, () -> {
            String path = simPath(r);
            Query query = query(r);
            Method method = oneOf(r, Method.values());
            // POST is what /concurrency/release takes; GET for everything else.
            return new Input(path.equals("/concurrency/release") ? Method.POST : method, path, query);
        });
        Fuzz.forAll("sim", SEED, inputs, Input::toString, in -> check("sim", sim, in));
    }

    @Test
    void syncNeverAnswers5xxOrHangs() {
        fanOutServer("sync", sync);
    }

    @Test
    void virtualNeverAnswers5xxOrHangs() {
        fanOutServer("virtual", virtual);
    }

    @Test
    void asyncNeverAnswers5xxOrHangs() {
        fanOutServer("async", async);
    }

    private static void fanOutServer(String role, RunningServer server) {
        RandomGenerator r = Fuzz.random(SEED, role);
        List<Input> inputs = inputs(r, () -> {
            String path = fanOutPath(r);
            return new Input(Method.GET, path, query(r));
        });
        Fuzz.forAll(role, SEED, inputs, Input::toString, in -> check(role, server, in));
    }

    private static List<Input> inputs(RandomGenerator r, Supplier<Input> one) {
        return IntStream.range(0, TRIES).mapToObj(i -> one.get()).toList();
    }

    private static void check(String role, RunningServer server, Input input) {
        Method method = input.method();
        String path = input.path();
        String target = path + "?" + input.query().render();
        String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nAccept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        RawHttp.Answer answer = RawHttp.send(server.baseUri(), request, NO_HANG);
        STATUSES.computeIfAbsent(role, x -> new ConcurrentHashMap<>())
                .computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        String what = role + " " + input;
        assertFalse(answer.timedOut(), () -> "no answer within " + NO_HANG + " (a hang): " + what);
        assertTrue(answer.status() >= 200,
                () -> "no status line (" + answer.head().replace("\r\n", " | ") + "): " + what);
        boolean gateTimeout = answer.status() == 504 && path.equals("/concurrency/block")
                && answer.body().contains("the gate was not released");
        assertTrue(answer.status() < 500 || gateTimeout,
                () -> "status " + answer.status() + " " + answer.body() + ": " + what);
        if (answer.status() == 400 || answer.status() == 414 || answer.status() == 431) {
            HTTP_LAYER_REFUSALS.computeIfAbsent(role, x -> new AtomicInteger())
                    .addAndGet(answer.body().contains("\"parameter\"") ? 0 : 1);
        }
        assertTrue(answer.contentTypeJson(),
                () -> "not JSON: " + answer.head().replace("\r\n", " | ") + " " + answer.body() + " for " + what);
        assertNotNull(Http.parse(answer.body()), () -> "body is not JSON: " + answer.body() + " for " + what);
        if (answer.status() >= 400) {
            assertTrue(Http.parse(answer.body()).hasNonNull("error"),
                    () -> "no 'error' in " + answer.body() + " for " + what);
        }
        if (answer.status() == 502) {
            assertEquals(0, 1, "every downstream call failed with the sim up: " + answer.body() + " for " + what);
        }
    }

    // ---- generators: the same shapes and weights as the jqwik version had

    private static String simPath(RandomGenerator r) {
        return r.nextBoolean()
                ? oneOf(r, "/health", "/slow-io", "/slow-io-sync", "/concurrency/block", "/concurrency/status",
                        "/concurrency/release")
                : oneOf(r, "/", "/slow-io/", "/SLOW-IO", "/slow-io;x=1", "/%2e%2e/health", "/nope");
    }

    private static String fanOutPath(RandomGenerator r) {
        return frequency(r,
                6, (Supplier<String>) () -> "/benchmark/io-test",
                2, (Supplier<String>) () -> "/health",
                1, (Supplier<String>) () -> oneOf(r, "/benchmark/io-test/", "/benchmark//io-test",
                        "/benchmark/io-test;delay=0.01", "/benchmark/%69o-test", "/benchmark/io-test%00", "/x"));
    }

    private static Query query(RandomGenerator r) {
        Supplier<Param> param = () -> new Param(key(r), value(r), oneOf(r, true, true, true, false));
        Supplier<List<Param>> params = () -> Fuzz.listOf(r, 0, 8, param);
        List<Param> list = frequency(r,
                8, params,
                1, (Supplier<List<Param>>) () -> {
                    // The same list twice.
                    List<Param> twice = new ArrayList<>(params.get());
                    twice.addAll(twice);
                    return twice;
                },
                1, (Supplier<List<Param>>) () -> {
                    // One parameter many times.
                    Param p = param.get();
                    return java.util.Collections.nCopies(2 + r.nextInt(39), p);
                });
        return new Query(oneOf(r, Mode.values()), list, oneOf(r, "&", "&", "&", ";", "&&", "&=&", "&amp;"));
    }

    private static String key(RandomGenerator r) {
        return frequency(r,
                8, (Supplier<String>) () -> oneOf(r, "delay", "concurrent", "strategy", "request_id", "timeout"),
                2, (Supplier<String>) () -> oneOf(r, "", "DELAY", "delay[]", "delay ", " delay", "de%6Cay",
                        "sim-url", "url", "concurrent[0]", "=", "==", ";", "ｄｅｌａｙ", "\u202Edelay"),
                1, (Supplier<String>) () -> Fuzz.anyString(r, 1, 12));
    }

    private static String value(RandomGenerator r) {
        return frequency(r,
                4, (Supplier<String>) () -> oneOf(r, "0", "0.01", "0.05", "-0", "0e0", ".02", "1e-2", "1", "2",
                        "5", "sequential", "parallel", "PARALLEL", " parallel ", "req-1"),
                4, (Supplier<String>) () -> oneOf(r, "1e309", "-1e309", "NaN", "nan", "Infinity", "-Infinity",
                        "+Infinity", "-0.0", "-1", "-0.000001", "1e-400", "4.9e-324", "0x10", "0x1p-3", "0X1P-4",
                        "1_000", "1,5", "0.05f", "0.05d", "2147483648", "-2147483649", "9223372036854775807",
                        "9223372036854775808", "99999999999999999999999999999999", "6", "1000001", "0.1000001",
                        "3600", "1e3", " 0.01 ", "0.01\t", "٣", "۰.۰۱", "１", "0.0.1", "--1", "+-1", "1e", "e1",
                        ".", "-", "+", "0x", "0b101", "010"),
                2, (Supplier<String>) () -> anyNumber(r),
                3, (Supplier<String>) () -> r.nextBoolean()
                        ? Fuzz.anyString(r, 0, 20)
                        : oneOf(r, "\u202Eevil", "مرحبا", "שלום", "😀", "👨‍👩‍👧‍👦", "\u0000", "\uFEFF0.01", "\uD800",
                                "Ω≈ç√", "\u200B", "null", "undefined", "true", "[]", "{}", "<script>", "' OR 1=1 --"),
                2, (Supplier<String>) () -> oneOf(r, "%ZZ", "%00", "%", "%2", "%C0%AF", "%FF%FE", "%0D%0A", "%25",
                        "%E2%80%AE", "%u0041", "%%", "0.01%00", "%2e%2e%2f", "%3Bdelay%3D1"),
                1, (Supplier<String>) () -> oneOf(r, "", ";", "&&", "a=b=c", "===", "&delay=0.01", "=&=", "#frag",
                        "?", "??delay=1", "+", " ", "\t"),
                1, (Supplier<String>) () -> {
                    String unit = oneOf(r, "9", "0", "a", "é", "%ZZ", "😀", "0.01,");
                    int n = 100 + r.nextInt(5901);
                    return unit.repeat(Math.max(1, n / unit.length()));
                });
    }

    /** Any double (edge cases, raw bit patterns, ordinary ones), any long, or an integer of up to 30 digits. */
    private static String anyNumber(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> {
                double d = switch (r.nextInt(4)) {
                    case 0 -> oneOf(r, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                            -Double.MAX_VALUE, Double.MIN_NORMAL, 0.01, 1.0, -1.0);
                    case 1 -> Double.longBitsToDouble(r.nextLong());
                    default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-10, 20));
                };
                yield Double.toString(d);
            }
            case 1 -> Long.toString(r.nextBoolean() ? r.nextLong()
                    : oneOf(r, 0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1));
            default -> {
                BigInteger limit = BigInteger.TEN.pow(30);
                BigInteger v = new BigInteger(100, new java.util.Random(r.nextLong())).mod(limit.add(BigInteger.ONE));
                yield (r.nextBoolean() ? v.negate() : v).toString();
            }
        };
    }
}
