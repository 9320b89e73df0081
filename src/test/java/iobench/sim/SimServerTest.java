package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import iobench.http.RunningServer;
import iobench.testing.Eventually;
import iobench.testing.Http.Answer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SimServerTest {
    private final Http http = new Http();
    private RunningServer sim;

    @BeforeAll
    void startSim() {
        sim = SimServer.start(TestSettings.loopback(), 0);
    }

    @AfterAll
    void closeSim() {
        sim.close();
    }

    @Test
    void slowIoAnswersAfterTheDelayAndEchoesTheRequestId() {
        Answer answer = http.get(sim.baseUri(), "/slow-io?delay=0.3&request_id=req-42");

        assertEquals(200, answer.status(), answer.body());
        assertAll(
                () -> assertFalse(answer.json().path("message").asText().isBlank(), answer.body()),
                () -> assertEquals(0.3, answer.json().path("delay").asDouble(), 1e-9),
                () -> assertNotNull(Instant.parse(answer.json().path("timestamp").asText())),
                () -> assertEquals("req-42", answer.json().path("request_id").asText()),
                () -> assertTrue(answer.seconds() >= 0.3, "answered after " + answer.seconds() + " s"));
    }

    @Test
    void slowIoAllowsADelayOfZero() {
        Answer answer = http.get(sim.baseUri(), "/slow-io?delay=0");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(0.0, answer.json().path("delay").asDouble());
    }

    @Test
    void slowIoSyncAnswersAfterTheDelayFromItsBlockingPool() {
        Answer answer = http.get(sim.baseUri(), "/slow-io-sync?delay=0.2&request_id=b");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(0.2, answer.json().path("delay").asDouble(), 1e-9);
        assertEquals("b", answer.json().path("request_id").asText());
        assertTrue(answer.seconds() >= 0.2, "answered after " + answer.seconds() + " s");
    }

    @Test
    void slowIoRefusesADelayOverTheCapWith400() {
        Answer answer = http.get(sim.baseUri(), "/slow-io?delay=61");

        assertEquals(400, answer.status(), answer.body());
        assertEquals("delay", answer.json().path("parameter").asText());
    }

    @Test
    void releaseLetsThroughExactlyTheRequestsParkedAtTheGate() {
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parked.add(http.client().sendAsync(
                    HttpRequest.newBuilder(sim.baseUri().resolve("/concurrency/block?delay=0"))
                            .timeout(Http.REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Eventually.await(Duration.ofSeconds(10), () -> parkedAtGate() == 3,
                () -> "parked = " + parkedAtGate() + ", expected 3");
        assertTrue(parked.stream().noneMatch(CompletableFuture::isDone), "a parked request answered before the release");

        Answer release = http.post(sim.baseUri(), "/concurrency/release");

        assertEquals(200, release.status(), release.body());
        assertEquals(3, release.json().path("released").asInt(), release.body());
        for (CompletableFuture<HttpResponse<String>> request : parked) {
            HttpResponse<String> response = request.orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals(200, response.statusCode(), response.body());
        }
        assertEquals(0, parkedAtGate());
    }

    @Test
    void aParkedRequestGivesUpWith504AfterItsTimeout() {
        Answer answer = http.get(sim.baseUri(), "/concurrency/block?delay=0&timeout=0.3");

        assertEquals(504, answer.status(), answer.body());
        assertFalse(answer.json().path("error").asText().isBlank(), answer.body());
        assertTrue(answer.seconds() >= 0.3, "gave up after " + answer.seconds() + " s");
    }

    private int parkedAtGate() {
        return parkedAt(sim);
    }

    private static final int MANY = 10_000;
    /** What each request waits on the sim's timer once the gate opens: all at once, or 10,000 x this. */
    private static final double AFTER_RELEASE_S = 1;
    /** Descriptors besides the sockets: jars, JDK, selectors, pipes. */
    private static final long FD_HEADROOM = 1_000;
    private static final Pattern SUMMARY = Pattern.compile(
            "ok=(\\d+) failed=(\\d+) seconds=([0-9.E]+) first=(\\S+) last=(\\S+) errors=(.*)");

    /**
     * The sim counts the requests parked at its gate, so "10,000 waiting at once" is read from the
     * sim itself rather than inferred from timings; after the release each waits one more delay
     * on the timer, and they can only all finish in about one delay if they wait together.
     */
    @Test
    @Timeout(150)
    void holdsTenThousandRequestsWaitingAtOnce() throws Exception {
        // Client and sim each hold one descriptor per connection. The client runs in its own JVM,
        // so each side has the whole `ulimit -n`; this JVM also holds what the earlier tests opened.
        var os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long limit = os.getMaxFileDescriptorCount();
        long free = limit - os.getOpenFileDescriptorCount() - FD_HEADROOM;
        int count = (int) Math.min(MANY, free);
        if (count < MANY) {
            System.out.println("ulimit -n is " + limit + ": only " + count + " of " + MANY
                    + " connections fit beside the descriptors already open; the test does not raise the limit");
        }
        assumeTrue(count >= 1_000, "ulimit -n " + limit + " leaves room for only " + count + " connections");

        try (RunningServer manySim = SimServer.start(TestSettings.loopback(Map.of("gate-timeout-s", 120)), 0)) {
            String url = manySim.baseUri().resolve("/concurrency/block?delay=" + AFTER_RELEASE_S).toString();
            long sentAtNs = System.nanoTime();
            Process client = startClient(url, count, 120);
            try {
                CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(client));
                Eventually.await(Duration.ofSeconds(90), () -> parkedAt(manySim) == count || !client.isAlive(),
                        () -> "parked at the gate: " + parkedAt(manySim) + " of " + count);
                assertEquals(count, parkedAt(manySim), "the client ended early: " + output.getNow("(no output yet)"));
                double parkedAfterS = (System.nanoTime() - sentAtNs) / 1e9;
                Instant releasedAt = Instant.now();

                assertEquals(count, http.post(manySim.baseUri(), "/concurrency/release").json().path("released").asInt());

                assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
                String all = output.join();
                assertEquals(0, client.exitValue(), all);
                Matcher m = SUMMARY.matcher(all.lines().reduce((first, second) -> second).orElse(""));
                assertTrue(m.matches(), "client said: " + all);
                assertEquals(count, Integer.parseInt(m.group(1)), "client said: " + all);
                double firstS = Duration.between(releasedAt, Instant.parse(m.group(4))).toNanos() / 1e9;
                double lastS = Duration.between(releasedAt, Instant.parse(m.group(5))).toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "%d waiting requests: all 200 in %.1f s (all %d parked at once"
                                + " %.1f s after sending began; after the release each waited %.0f s more,"
                                + " the last answered %.2f s after the release)%n",
                        count, Double.parseDouble(m.group(3)), count, parkedAfterS, AFTER_RELEASE_S, lastS);
                assertTrue(firstS >= AFTER_RELEASE_S, "first answer " + firstS + " s after the release");
                assertTrue(lastS < AFTER_RELEASE_S + 30, "last answer " + lastS + " s after the release");
            } finally {
                client.destroyForcibly();
            }
        }
    }

    private int parkedAt(RunningServer server) {
        return http.get(server.baseUri(), "/concurrency/status").json().path("parked").asInt(-1);
    }

    private static Process startClient(String url, int count, long timeoutSeconds) throws Exception {
        Path classes = Path.of(WaitingClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", classes.toString(), WaitingClient.class.getName(), url, Integer.toString(count),
                Long.toString(timeoutSeconds))
                .redirectErrorStream(true)
                .start();
    }

    private static String readAll(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            return out.lines().collect(Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }
}
