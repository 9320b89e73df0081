package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.core.Strategy;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import iobench.bench.contender.UrlTemplate;
import iobench.bench.metrics.RunResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A named target's fan-out answer is believed only as far as it can be: its counts cover the calls asked, no more. */
class FanOutAnswerTest {
    /** A service at /work that answers every request with {@code body}, as JSON, at once. */
    private static HttpServer answering(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/work", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static RunResult fanOutOfFour(String answer) throws IOException {
        HttpServer server = answering(answer);
        try (LoadClient client = new LoadClient()) {
            Target target = new Target("other", UrlTemplate.parse("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/work?d={delay}&n={concurrent}"), null, 0);
            FanOutScenario scenario = new FanOutScenario(new Scenario.Common("fan", 10, 1,
                    List.of(new Contender("other")), Strategy.SEQUENTIAL, null), 4);
            return FanOutRun.run(client, target, scenario, 10, 1, false);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anAnswerCountingMoreCallsThanAskedFailsTheRequest() throws IOException {
        RunResult run = fanOutOfFour("{\"results\": {\"successful\": 7, \"failed\": 0}}");
        assertEquals(0, run.successful(), run::toString);
        assertEquals(4, run.failed(), run::toString);
        assertEquals(Map.of("http-200", 1), run.errors(), run::toString);
        String message = run.errorSamples().get("http-200");
        assertTrue(message.contains("7 successful") && message.contains("0 failed") && message.contains("4 asked"),
                message);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anAnswerWithANegativeCountFailsTheRequest() throws IOException {
        RunResult run = fanOutOfFour("{\"results\": {\"successful\": 6, \"failed\": -2}}");
        assertEquals(0, run.successful(), run::toString);
        assertEquals(4, run.failed(), run::toString);
        assertEquals(Map.of("http-200", 1), run.errors(), run::toString);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anAnswerWithinTheCallsAskedIsTakenAsItCountsThem() throws IOException {
        // One call unaccounted for: it counts as failed, as ever.
        RunResult run = fanOutOfFour("{\"results\": {\"successful\": 2, \"failed\": 1}}");
        assertEquals(2, run.successful(), run::toString);
        assertEquals(2, run.failed(), run::toString);
    }
}
