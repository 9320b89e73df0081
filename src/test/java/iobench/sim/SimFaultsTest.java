package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.testing.Http.Answer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fault of the sim over real HTTP, the sim-wide profile, and the 400s for bad profile parameters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class SimFaultsTest {
    private final Http http = new Http();
    private RunningServer sim;

    @BeforeAll
    void startSim() {
        sim = SimServer.start(TestSettings.loopback(), 0);
    }

    @AfterEach
    void resetProfile() throws Exception {
        HttpResponse<String> response = http.client().send(HttpRequest.newBuilder(sim.baseUri().resolve("/profile"))
                .DELETE().timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @AfterAll
    void closeSim() {
        sim.close();
    }

    @ParameterizedTest
    @CsvSource({"error_rate, 500, injected-500", "unavailable_rate, 503, injected-503"})
    void anInjectedErrorAnswersItsStatusWithAJsonBodyNamingTheFault(String rate, int status, String fault) {
        Answer answer = http.get(sim.baseUri(), "/slow-io?delay=0.05&request_id=r1&" + rate + "=1");

        assertEquals(status, answer.status(), answer.body());
        assertAll(
                () -> assertEquals(fault, answer.json().path("fault").asText(), answer.body()),
                () -> assertEquals("r1", answer.json().path("request_id").asText(), answer.body()),
                () -> assertTrue(answer.seconds() >= 0.05, "an injected error still waits its delay"));
    }

    @Test
    void slowIoSyncInjectsFaultsToo() {
        Answer answer = http.get(sim.baseUri(), "/slow-io-sync?delay=0&error_rate=1");

        assertEquals(500, answer.status(), answer.body());
        assertEquals("injected-500", answer.json().path("fault").asText());
    }

    @Test
    void aHungRequestNeverAnswersSoTheClientTimeoutFiresAndTheSimServesOthers() {
        HttpRequest hung = HttpRequest.newBuilder(sim.baseUri().resolve("/slow-io?delay=0&hang_rate=1"))
                .timeout(Duration.ofMillis(500)).build();

        assertThrows(HttpTimeoutException.class, () -> http.client().send(hung, HttpResponse.BodyHandlers.ofString()));

        Answer other = http.get(sim.baseUri(), "/slow-io?delay=0&request_id=after-hang");
        assertEquals(200, other.status(), other.body());
        assertEquals("after-hang", other.json().path("request_id").asText());
    }

    @Test
    void aResetRequestSeesTheConnectionResetAndTheSimServesOthers() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(sim.host(), sim.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /slow-io?delay=0&reset_rate=1 HTTP/1.1\r\nHost: sim\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();

            SocketException reset = assertThrows(SocketException.class, () -> {
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // read until the reset; a clean end of stream (FIN) would leave the loop and fail the assert
                }
            });
            assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
        }

        Answer other = http.get(sim.baseUri(), "/slow-io?delay=0");
        assertEquals(200, other.status(), other.body());
    }

    @Test
    void aRequestDueInsideAStallWindowFinishesAtTheWindowEnd() {
        // Windows open 1 s after the profile is set and last 0.8 s: [1.0, 1.8), [2.0, 2.8), ...
        Answer set = http.post(sim.baseUri(), "/profile?stall_every=1&stall=0.8");
        assertEquals(200, set.status(), set.body());

        Answer inWindow = http.get(sim.baseUri(), "/slow-io?delay=1.2");
        Answer outside = http.get(sim.baseUri(), "/slow-io?delay=0.05");

        assertEquals(200, inWindow.status(), inWindow.body());
        assertEquals(1.2, inWindow.json().path("delay").asDouble(), 1e-9, "the drawn delay, before the stall");
        // Due at ~1.2 s after the profile was set, held to 1.8 s; sent a few ms after it was set.
        assertTrue(inWindow.seconds() >= 1.6 && inWindow.seconds() < 2.6, "took " + inWindow.seconds() + " s");
        // Sent at ~1.8 s, due at ~1.85 s: outside the window, so on time.
        assertTrue(outside.seconds() < 0.5, "took " + outside.seconds() + " s");
    }

    @Test
    void theStallClockHoldsExactlyTheRequestsDueInsideAWindow() {
        StallClock clock = new StallClock(0, 1_000, 300);
        long ms = TimeUnit.MILLISECONDS.toNanos(1);

        assertAll(
                () -> assertEquals(900 * ms, clock.waitNs(0, 900), "due before the first window"),
                () -> assertEquals(1_300 * ms, clock.waitNs(0, 1_000), "due at the window's start"),
                () -> assertEquals(300 * ms, clock.waitNs(1_000 * ms, 299), "due inside: to the end"),
                () -> assertEquals(300 * ms, clock.waitNs(1_000 * ms, 300), "due at the window's end: on time"),
                () -> assertEquals(2_300 * ms - 1_900 * ms, clock.waitNs(1_900 * ms, 200), "the second window"),
                () -> assertEquals(500 * ms, StallClock.NONE.waitNs(123, 500), "no stalls"));
    }

    @Test
    void theSimWideProfileAppliesToRequestsThatNameNoneUntilDeleted() throws Exception {
        Answer set = http.post(sim.baseUri(), "/profile?profile=llm-api&error_rate=1&unavailable_rate=0&seed=7");
        assertEquals(200, set.status(), set.body());

        Answer shown = http.get(sim.baseUri(), "/profile");
        assertAll(
                () -> assertEquals("lognormal", shown.json().path("dist").asText(), shown.body()),
                () -> assertEquals(0.8, shown.json().path("delay").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(6.0, shown.json().path("p99").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(1.0, shown.json().path("error_rate").asDouble(), shown.body()),
                () -> assertEquals(7, shown.json().path("seed").asLong(), shown.body()));
        Answer fanOutCall = http.get(sim.baseUri(), "/slow-io?delay=0&request_id=x");
        assertEquals(500, fanOutCall.status(), fanOutCall.body());
        Answer ownProfile = http.get(sim.baseUri(), "/slow-io?delay=0&seed=1");
        assertEquals(200, ownProfile.status(), "a request with parameters of its own ignores the sim-wide profile");

        resetProfile();

        assertEquals("as-requested", http.get(sim.baseUri(), "/profile").json().path("dist").asText());
        assertEquals(200, http.get(sim.baseUri(), "/slow-io?delay=0").status());
    }

    @Test
    void healthListsTheProfileEndpointsAndTheProfileNames() {
        Answer health = http.get(sim.baseUri(), "/health");

        assertTrue(health.body().contains("POST /profile"), health.body());
        assertEquals(IoProfiles.names().size(), health.json().path("profiles").size(), health.body());
        assertTrue(health.body().contains("llm-api"), health.body());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/slow-io?delay=0&error_rate=NaN | error_rate",
            "/slow-io?delay=0&error_rate=Infinity | error_rate",
            "/slow-io?delay=0&hang_rate=1e309 | hang_rate",
            "/slow-io?delay=0&reset_rate=-0.1 | reset_rate",
            "/slow-io?delay=0&error_rate=0.1&error_rate=0.2 | error_rate",
            "/slow-io?delay=0&error_rate=0.6&hang_rate=0.6 | hang_rate",
            "/slow-io?delay=0&dist=pareto | dist",
            "/slow-io?delay=0.1&dist=lognormal | p99",
            "/slow-io?delay=0.1&dist=lognormal&p99=0.05 | p99",
            "/slow-io?delay=0&dist=lognormal&p99=1 | delay",
            "/slow-io?delay=0.1&dist=normal&p99=1e309 | p99",
            "/slow-io?delay=0.1&p99=1 | p99",
            "/slow-io?delay=0.1&dist=fixed&min=1 | min",
            "/slow-io?delay=0&dist=uniform&min=1&max=0.5 | max",
            "/slow-io?delay=0&dist=uniform&min=1 | max",
            "/slow-io?delay=0&seed=abc | seed",
            "/slow-io?delay=0&seed=99999999999999999999 | seed",
            "/slow-io?delay=0&profile=nope | profile",
            "/slow-io?delay=0&stall_every=1&stall=0.1 | stall_every",
            "/slow-io-sync?delay=0&unavailable_rate=2 | unavailable_rate"})
    void aBadProfileParameterIsA400NamingIt(String pathAndQuery, String parameter) {
        Answer answer = http.get(sim.baseUri(), pathAndQuery);

        assertEquals(400, answer.status(), answer.body());
        assertEquals(parameter, answer.json().path("parameter").asText(), answer.body());
        assertTrue(answer.json().path("allowed").asText().length() > 3, answer.body());
    }

    @ParameterizedTest(name = "POST {0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/profile?stall=0.5 | stall",
            "/profile?stall_every=1&stall=1 | stall",
            "/profile?stall_every=NaN&stall=0 | stall_every",
            "/profile?dist=lognormal&p99=1 | delay",
            "/profile?delay=61 | delay",
            "/profile?error_rate=1.5 | error_rate"})
    void aBadSimWideProfileIsA400NamingTheParameterAndKeepsTheOldProfile(String pathAndQuery, String parameter) {
        Answer answer = http.post(sim.baseUri(), pathAndQuery);

        assertEquals(400, answer.status(), answer.body());
        assertEquals(parameter, answer.json().path("parameter").asText(), answer.body());
        assertEquals("as-requested", http.get(sim.baseUri(), "/profile").json().path("dist").asText());
    }
}
