package iobench.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.Http.Answer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every fan-out server promises, run against each {@link ServerKind}: each gets its own sim,
 * both on port 0 of 127.0.0.1, started once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ServerContractTest {
    private static final String ALLOWED_DELAY = "a number of seconds from 0 to 60";
    private static final String ALLOWED_CONCURRENT = "an integer from 1 to 1000";
    private static final String ALLOWED_STRATEGY = "one of";

    private final Http http = new Http();
    private final Map<ServerKind, RunningServer> sims = new EnumMap<>(ServerKind.class);
    private final Map<ServerKind, RunningServer> servers = new EnumMap<>(ServerKind.class);

    @BeforeAll
    void startEachServerWithItsOwnSim() {
        for (ServerKind kind : ServerKind.values()) {
            RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
            sims.put(kind, sim);
            servers.put(kind, kind.start(TestSettings.calling(sim.baseUri()), 0));
        }
    }

    @AfterAll
    void closeServers() {
        servers.values().forEach(RunningServer::close);
        sims.values().forEach(RunningServer::close);
    }

    private RunningServer server(ServerKind kind) {
        return servers.get(kind);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void healthAnswersOkWithTheServersRole(ServerKind kind) {
        Answer answer = http.get(server(kind).baseUri(), "/health");

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.response().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("ok", answer.json().path("status").asText());
        assertEquals(kind.role(), answer.json().path("role").asText());
        assertEquals(kind.role(), server(kind).role().label());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void defaultFanOutTakesTheTimeItsStrategyImplies(ServerKind kind) {
        int calls = 20;
        double delay = 0.2;

        Answer answer = http.get(server(kind).baseUri(), "/benchmark/io-test?delay=0.2&concurrent=20");

        assertEquals(200, answer.status(), answer.body());
        JsonNode json = answer.json();
        double serverSeconds = json.path("timing").path("total_duration").asDouble();
        double min = kind.expectedMinSeconds(calls, delay);
        double max = kind.expectedMaxSeconds(calls, delay);
        assertAll(
                () -> assertEquals(kind.role(), json.path("server_type").asText()),
                () -> assertEquals(calls, json.path("results").path("successful").asInt(), answer.body()),
                () -> assertEquals(0, json.path("results").path("failed").asInt(), answer.body()),
                () -> assertTrue(serverSeconds >= min, "server timing " + serverSeconds + " s < " + min + " s"),
                () -> assertTrue(serverSeconds < max, "server timing " + serverSeconds + " s >= " + max + " s"),
                () -> assertTrue(answer.seconds() >= min, "wall time " + answer.seconds() + " s < " + min + " s"),
                () -> assertTrue(answer.seconds() < max, "wall time " + answer.seconds() + " s >= " + max + " s"));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void parallelStrategyMakesAllCallsAtOnce(ServerKind kind) {
        String query = "/benchmark/io-test?delay=0.2&concurrent=20&strategy=parallel";
        // Warm-up: the first run also opens 20 connections and starts 20 threads; that is not the physics.
        assertEquals(200, http.get(server(kind).baseUri(), query).status());

        Answer answer = http.get(server(kind).baseUri(), query);

        assertEquals(200, answer.status(), answer.body());
        JsonNode json = answer.json();
        double serverSeconds = json.path("timing").path("total_duration").asDouble();
        assertAll(
                () -> assertEquals("parallel", json.path("strategy").asText()),
                () -> assertEquals(20, json.path("results").path("successful").asInt(), answer.body()),
                () -> assertTrue(serverSeconds >= 0.2, "server timing " + serverSeconds + " s < one delay"),
                () -> assertTrue(answer.seconds() >= 0.2, "wall time " + answer.seconds() + " s < one delay"),
                // Two delays would mean two waves: the calls did not all wait together.
                () -> assertTrue(serverSeconds < 0.4, "server timing " + serverSeconds + " s >= two delays"));
    }

    static Stream<Arguments> badInputs() {
        List<Object[]> cases = List.of(
                new Object[] {"concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=abc&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=-1&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=NaN&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=Infinity&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=1e309&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=61&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=0.01&delay=0.02&concurrent=1", "delay", ALLOWED_DELAY},
                new Object[] {"delay=0.01", "concurrent", ALLOWED_CONCURRENT},
                new Object[] {"delay=0.01&concurrent=0", "concurrent", ALLOWED_CONCURRENT},
                new Object[] {"delay=0.01&concurrent=1001", "concurrent", ALLOWED_CONCURRENT},
                new Object[] {"delay=0.01&concurrent=2.5", "concurrent", ALLOWED_CONCURRENT},
                new Object[] {"delay=0.01&concurrent=99999999999999999999", "concurrent", ALLOWED_CONCURRENT},
                new Object[] {"delay=0.01&concurrent=1&strategy=bogus", "strategy", ALLOWED_STRATEGY});
        List<Arguments> all = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            for (Object[] c : cases) {
                all.add(Arguments.of(kind, c[0], c[1], c[2]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: ?{1} is refused naming {2}")
    @MethodSource("badInputs")
    void badInputIsRefusedWith400NamingTheParameterAndWhatIsAllowed(ServerKind kind, String query,
                                                                     String parameter, String allowed) {
        Answer answer = http.get(server(kind).baseUri(), "/benchmark/io-test?" + query);

        assertEquals(400, answer.status(), answer.body());
        assertNotNull(answer.json(), "not JSON: " + answer.body());
        assertEquals(parameter, answer.json().path("parameter").asText(), answer.body());
        String error = answer.json().path("error").asText();
        assertTrue(error.contains(allowed), "error does not say what is allowed: " + error);
        assertTrue(error.contains(parameter), "error does not name the parameter: " + error);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void unknownPathAnswers404WithJsonError(ServerKind kind) {
        Answer answer = http.get(server(kind).baseUri(), "/no/such/endpoint?x=1");

        assertEquals(404, answer.status(), answer.body());
        assertNotNull(answer.json(), "not JSON: " + answer.body());
        assertTrue(answer.json().path("error").asText().contains("/no/such/endpoint"), answer.body());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void everyCallToAStoppedSimIsCountedAsRefused(ServerKind kind) {
        RunningServer deadSim = SimServer.start(TestSettings.loopback(), 0);
        deadSim.close();
        try (RunningServer server = kind.start(TestSettings.calling(deadSim.baseUri()), 0)) {
            Answer answer = http.get(server.baseUri(), "/benchmark/io-test?delay=0.01&concurrent=3");

            JsonNode json = answer.json();
            assertAll(
                    () -> assertEquals(502, answer.status(), answer.body()),
                    () -> assertEquals(0, json.path("results").path("successful").asInt()),
                    () -> assertEquals(3, json.path("results").path("failed").asInt()),
                    () -> assertEquals(3, json.path("errors_by_kind").path("refused").asInt(), answer.body()),
                    () -> assertEquals(1, json.path("errors_by_kind").size(), answer.body()),
                    () -> assertEquals("refused", json.path("errors").path(0).path("kind").asText()));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void answersCarryAnExplicitKeepAlive(ServerKind kind) throws Exception {
        // java.net.http hides the Connection header, so read the raw header block.
        try (Socket socket = new Socket(server(kind).host(), server(kind).port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line);
            }

            assertTrue(headers.get(0).startsWith("HTTP/1.1 200"), headers.toString());
            assertTrue(headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals("connection: keep-alive")),
                    "no Connection: keep-alive in " + headers);
        }
    }
}
