package iobench.server.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.Json;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The async server against a real sim, over real sockets. */
class AsyncServerTest {
    private static final int EVENT_LOOPS = 2;
    private static RunningServer sim;
    private static RunningServer async;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        sim = SimServer.start(TestSettings.defaults(), 0);
        async = AsyncServer.start(settingsCalling(sim.baseUri()), 0);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Loads the classes, warms the JIT (on a 2-CPU machine a cold first fan-out of 200 takes
        // over a second) and opens 200 pooled connections at once, so the timed tests time the
        // fan-out and not the sim's accept queue (50 deep: a burst of new connections beyond it
        // waits for a SYN retransmit, one second).
        for (int round = 0; round < 8; round++) {
            assertEquals(200, get(async, "/benchmark/io-test?delay=0.05&concurrent=200").statusCode());
        }
    }

    @AfterAll
    static void stop() {
        if (async != null) {
            async.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (http != null) {
            http.close();
        }
    }

    private static ServerSettings settingsCalling(URI simUrl) {
        return settingsCalling(simUrl, 2);
    }

    private static ServerSettings settingsCalling(URI simUrl, double timeoutExtraS) {
        return SettingsLoader.load(null, Map.of(), Map.of(
                "host", "127.0.0.1",
                "sim-url", simUrl.toString(),
                "async-event-loops", EVENT_LOOPS,
                "downstream-timeout-extra-s", timeoutExtraS));
    }

    private static HttpResponse<String> get(RunningServer server, String pathAndQuery)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** Wall time of one fan-out, checked to have fully succeeded. */
    private static double timedFanOut(double delayS, int concurrent) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(async, "/benchmark/io-test?delay=" + delayS + "&concurrent=" + concurrent);
        double wallS = (System.nanoTime() - start) / 1e9;
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(concurrent, body.at("/results/successful").asInt(), response.body());
        assertEquals(0, body.at("/results/failed").asInt(), response.body());
        assertEquals("async", body.get("server_type").asText());
        assertEquals("parallel", body.get("strategy").asText());
        double serverS = body.at("/timing/total_duration").asDouble();
        System.out.printf("async fan-out K=%d delay=%.1fs: wall %.3f s, server total %.3f s%n",
                concurrent, delayS, wallS, serverS);
        assertTrue(serverS >= delayS, "server total " + serverS + " s shorter than one delay");
        return wallS;
    }

    /**
     * The best of a few tries: on a small shared machine one try may lose a few hundred ms to GC
     * or the JIT, but calls run 32 at a time (flatMap's default) would take two delays for K=50
     * and seven for K=200 on every try.
     */
    private static double bestOf(int tries, double delayS, int concurrent) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < tries && best >= 0.6; i++) {
            double wallS = timedFanOut(delayS, concurrent);
            assertTrue(wallS >= delayS, "took " + wallS + " s, less than one delay");
            best = Math.min(best, wallS);
        }
        return best;
    }

    @Test
    void fiftyCallsRunAtOnce() throws Exception {
        double wallS = bestOf(3, 0.3, 50);
        assertTrue(wallS < 0.6, "took " + wallS + " s: the 50 calls did not all run at once");
    }

    @Test
    void twoHundredCallsRunAtOnce() throws Exception {
        double wallS = bestOf(3, 0.2, 200);
        assertTrue(wallS < 0.6, "took " + wallS + " s: the 200 calls did not all run at once "
                + "(flatMap's default concurrency is 32)");
    }

    @Test
    void eventLoopThreadsAreNamedAndCounted() throws Exception {
        timedFanOut(0.05, 2 * EVENT_LOOPS);
        Set<String> names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).collect(Collectors.toSet());
        long server = names.stream().filter(n -> n.startsWith("async-server-")).count();
        long client = names.stream().filter(n -> n.startsWith("async-client-")).count();
        assertEquals(EVENT_LOOPS, server, "server event loops: " + names);
        assertEquals(0, client, "the downstream calls run on the server's own loops, not on loops of their own: " + names);
        assertTrue(names.contains("async-acceptor-1"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("helidon-client") || n.startsWith("nioEventLoopGroup")),
                "Netty threads outside the async-* groups: " + names);
        assertTrue(async.describe().contains("2 event loops (its downstream calls run on them too)"), async.describe());
        assertTrue(async.describe().contains("calling " + sim.baseUri()), async.describe());
    }

    @Test
    void closeLeavesNoAsyncThreadBehind() throws Exception {
        Set<Thread> before = asyncThreads();
        RunningServer second = AsyncServer.start(settingsCalling(sim.baseUri()), 0);
        try {
            assertEquals(200, get(second, "/benchmark/io-test?delay=0&concurrent=4").statusCode());
        } finally {
            long start = System.nanoTime();
            second.close();
            double closeS = (System.nanoTime() - start) / 1e9;
            System.out.printf("async close took %.3f s%n", closeS);
            assertTrue(closeS < 5.5, "close took " + closeS + " s");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Thread> left = asyncThreads();
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = asyncThreads();
            left.removeAll(before);
        }
        assertTrue(left.isEmpty(), "still alive after close: " + left);
    }

    private static Set<Thread> asyncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("async-"))
                .collect(Collectors.toSet());
    }

    @Test
    void unreachableSimGives502WithRefusedCalls() throws Exception {
        RunningServer stoppedSim = SimServer.start(TestSettings.defaults(), 0);
        URI stoppedUrl = stoppedSim.baseUri();
        stoppedSim.close();
        RunningServer orphan = AsyncServer.start(settingsCalling(stoppedUrl), 0);
        try {
            HttpResponse<String> response = get(orphan, "/benchmark/io-test?delay=0.1&concurrent=3");
            assertEquals(502, response.statusCode(), response.body());
            JsonNode body = json(response);
            assertEquals(3, body.at("/results/failed").asInt(), response.body());
            assertEquals(3, body.at("/errors_by_kind/refused").asInt(), response.body());
            assertEquals("keep-alive", response.headers().firstValue("connection").orElse(null));
        } finally {
            orphan.close();
        }
    }

    /**
     * Helidon 3's client arms a connection's read-timeout handler once, when it opens it, and the
     * handler counts the time the connection sits idle in the pool. A pooled connection must
     * still serve the next call in full: here the timeout is 0.8 s, the connection idles 0.5 s,
     * and a stale handler would cut the next 0.4 s call 0.3 s in.
     */
    @Test
    void pooledConnectionsKeepNoStaleReadTimeout() throws Exception {
        RunningServer shortTimeouts = AsyncServer.start(settingsCalling(sim.baseUri(), 0.4), 0);
        try {
            assertEquals(200, get(shortTimeouts, "/benchmark/io-test?delay=0.4&concurrent=3").statusCode());
            Thread.sleep(500);
            HttpResponse<String> response = get(shortTimeouts, "/benchmark/io-test?delay=0.4&concurrent=3");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(3, json(response).at("/results/successful").asInt(), response.body());
        } finally {
            shortTimeouts.close();
        }
    }

    /**
     * Helidon 3.2.11's own idle timeout closes a connection that many seconds after it opened,
     * busy or not; with it on, a keep-alive client lost its connection mid-run ("unexpected end
     * of stream"). The server therefore runs without it: a connection in use stays open.
     */
    @Test
    void aBusyKeepAliveConnectionOutlivesTheIdleTimeoutSetting() throws Exception {
        ServerSettings oneSecondIdle = SettingsLoader.load(null, Map.of(), Map.of(
                "host", "127.0.0.1", "sim-url", sim.baseUri().toString(), "idle-timeout-s", 1));
        try (RunningServer server = AsyncServer.start(oneSecondIdle, 0);
             java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            long endNs = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
            int answered = 0;
            while (System.nanoTime() < endNs) {
                out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                String status = in.readLine();
                assertEquals("HTTP/1.1 200 OK", status, "answer " + (answered + 1) + " on the same connection");
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                for (long left = length; left > 0; ) {
                    left -= in.skip(left);
                }
                answered++;
                // Busy, never idle for a whole second.
                Thread.sleep(300);
            }
            assertTrue(answered >= 5, "only " + answered + " answers");
        }
    }

    @Test
    void everyAnswerSaysKeepAlive() throws Exception {
        for (String path : List.of("/health", "/benchmark/io-test?delay=0&concurrent=1",
                "/benchmark/io-test?delay=x&concurrent=1", "/nowhere")) {
            HttpResponse<String> response = get(async, path);
            assertEquals("keep-alive", response.headers().firstValue("connection").orElse(null),
                    path + " -> " + response.headers().map());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                    path + " -> " + response.headers().map());
        }
    }

    @Test
    void healthDescribesTheServer() throws Exception {
        HttpResponse<String> response = get(async, "/health");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("async", body.get("role").asText());
        assertEquals("Helidon SE 3 reactive", body.get("server").asText());
        assertEquals(sim.baseUri().toString(), body.get("sim_url").asText());
        assertEquals(EVENT_LOOPS, body.get("event_loops").asInt());
        assertTrue(body.get("endpoints").size() >= 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "delay=abc&concurrent=1", "delay=-1&concurrent=1", "delay=NaN&concurrent=1",
            "delay=Infinity&concurrent=1", "delay=1e9&concurrent=1", "delay=0.1&delay=0.2&concurrent=1",
            "concurrent=1", "delay=0.1", "delay=0.1&concurrent=0", "delay=0.1&concurrent=1001",
            "delay=0.1&concurrent=99999999999", "delay=0.1&concurrent=1.5", "delay=0.1&concurrent=1&concurrent=2",
            "delay=0.1&concurrent=1&strategy=sequential", "delay=&concurrent=1"})
    void badParametersGive400(String query) throws Exception {
        HttpResponse<String> response = get(async, "/benchmark/io-test?" + query);
        assertEquals(400, response.statusCode(), query + " -> " + response.body());
        assertTrue(json(response).has("parameter"), response.body());
    }

    @Test
    void unknownPathGives404() throws Exception {
        HttpResponse<String> response = get(async, "/benchmark/other");
        assertEquals(404, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("GET /benchmark/other"), response.body());
    }
}
