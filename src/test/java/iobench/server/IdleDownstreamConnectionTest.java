package iobench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.http.RunningServer;
import iobench.testing.Http;
import iobench.testing.IdleTrapServer;
import iobench.testing.TestSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fan-out server lets go of an idle pooled downstream connection before the downstream's
 * idle timeout (taken to be {@code idle-timeout-s}, the servers' own) can close it. Otherwise a
 * call that picks the connection up just as the downstream closes it fails as a reset: the async
 * server's Helidon client kept idle connections for 50 s, and the soak test (sim idle timeout 2 s)
 * lost a call or two that way in most full runs. {@link IdleTrapServer} makes that race certain:
 * it closes, unanswered, any request that arrives on a connection idle for the timeout.
 */
class IdleDownstreamConnectionTest {
    private static final long IDLE_TIMEOUT_MS = 1_000;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aFanOutAfterAnIdlePauseNeverReusesAConnectionTheDownstreamIsClosing(ServerKind kind) throws Exception {
        try (IdleTrapServer downstream = new IdleTrapServer(IDLE_TIMEOUT_MS);
             RunningServer server = kind.start(TestSettings.calling(downstream.baseUri(),
                     Map.of("idle-timeout-s", IDLE_TIMEOUT_MS / 1000.0)), 0)) {
            Http http = new Http();
            String path = "/benchmark/io-test?delay=0&concurrent=4&strategy=parallel";
            Http.Answer first = http.get(server.baseUri(), path);
            assertEquals(4, first.json().at("/results/successful").asInt(), first.body());
            // The pause is the scenario: longer than the downstream's idle timeout, with room to spare,
            // so every pooled connection would be met by the trap if the client still held it.
            Thread.sleep(IDLE_TIMEOUT_MS + 500);
            Http.Answer again = http.get(server.baseUri(), path);
            assertEquals(200, again.status(), again.body());
            assertEquals(0, downstream.trapped(), "requests sent on connections idle past the timeout: " + again.body());
            assertEquals(4, again.json().at("/results/successful").asInt(), again.body());
        }
    }
}
