package iobench.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.http.RunningServer;
import iobench.server.ServerKind;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pause longer than the sim's idle timeout between two fan-outs: the sim has closed the pooled
 * connections by then, and the second fan-out must not pick one of them up (it failed with
 * "unexpected end of stream" while OkHttp kept idle connections for 5 minutes).
 */
class IdlePooledConnectionTest {
    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"SYNC", "VIRTUAL"})
    void aFanOutAfterAPauseLongerThanTheIdleTimeoutFindsNoDeadConnection(ServerKind kind) throws Exception {
        Map<String, Object> settings = Map.of("idle-timeout-s", "0.5");
        try (RunningServer sim = SimServer.start(TestSettings.loopback(settings), 0);
             RunningServer server = kind.start(TestSettings.calling(sim.baseUri(), settings), 0)) {
            Http http = new Http();
            String path = "/benchmark/io-test?delay=0.01&concurrent=4&strategy=parallel";
            assertEquals(4, http.get(server.baseUri(), path).json().at("/results/successful").asInt());
            // The pause is the scenario: the sim closes its side of every pooled connection meanwhile.
            Thread.sleep(1_000);
            Http.Answer again = http.get(server.baseUri(), path);
            assertEquals(200, again.status(), again.body());
            assertEquals(4, again.json().at("/results/successful").asInt(), again.body());
        }
    }
}
