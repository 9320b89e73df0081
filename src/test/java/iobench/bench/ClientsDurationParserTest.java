package iobench.bench;

import iobench.scenario.BenchPlan;
import iobench.scenario.ClientsScenario;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioFileException;
import iobench.scenario.ScenarioFileParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.Contender;
import iobench.analysis.Model;
import iobench.analysis.ModelParams;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kind: clients} with {@code duration}: every client sends back to back until the time is
 * over (the form {@code bench --url --clients N --duration D} writes), instead of a count of requests.
 */
class ClientsDurationParserTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);

    private static BenchPlan parse(String yaml) {
        return ScenarioFileParser.parse("c.yaml", yaml, CAPS, List.of());
    }

    @Test
    void aClientsScenarioWithADurationSendsForThatTimeAndHasNoCountOfRequests() {
        ClientsScenario s = assertInstanceOf(ClientsScenario.class, parse("""
                scenarios:
                  - {name: c, kind: clients, delay: 0.1, clients: 10, duration: 6s}
                """).scenarios().get(0));
        assertTrue(s.forTime());
        assertEquals(6_000, s.durationMs());
        assertEquals(0, s.requests());
        assertEquals(10, s.clients());

        ClientsScenario counted = (ClientsScenario) parse("""
                scenarios:
                  - {name: c, kind: clients, delay: 0.1, clients: 10, requests: 30}
                """).scenarios().get(0);
        assertFalse(counted.forTime());
        assertEquals(30, counted.requests());
    }

    @Test
    void theModelPredictsNoDurationForARunForATimeAsForARateButStillForACount() {
        ModelParams params = new ModelParams(8, 32, java.util.Map.of());
        Scenario forTime = parse("scenarios:\n  - {name: c, kind: clients, delay: 0.1, clients: 16, duration: 2s}\n")
                .scenarios().get(0);
        assertTrue(Double.isNaN(Model.predictedDurationS(forTime, Contender.SYNC, params)));
        Scenario counted = parse("scenarios:\n  - {name: c, kind: clients, delay: 0.1, clients: 16}\n")
                .scenarios().get(0);
        // 16 clients on 8 threads: two waves of 0.1 s.
        assertEquals(0.2, Model.predictedDurationS(counted, Contender.SYNC, params), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "clients: 2, requests: 4, duration: 1s | requests | requests | not used with 'duration'; expected one of them: 'requests', a count the clients share, or 'duration', how long each client sends back to back",
        "clients: 2, duration: 50ms | 50ms | duration | '50ms' is not allowed; expected at least 100ms",
        "clients: 2, duration: 11m | 11m | duration | '11m' is not allowed; expected seconds from 0 to 600 s (such as 0.5), or a duration such as 250ms",
        "clients: 2, duration: soon | soon | duration | 'soon' is not allowed; expected seconds from 0 to 600 s (such as 0.5), or a duration such as 250ms",
    })
    void aBadDurationIsPointedAt(String keys, String pointedAt, String path, String problem) {
        String line = "  - {name: c, kind: clients, delay: 0.1, " + keys + "}";
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse("scenarios:\n" + line + "\n"));
        int column = line.lastIndexOf(pointedAt) + 1;
        assertEquals("c.yaml:2:" + column + ": scenarios[0]." + path + ": " + problem, e.getMessage());
    }

    @Test
    void aFanOutStillRefusesDurationAsAKeyOfOtherKinds() {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(
                "scenarios:\n  - {name: f, kind: fan-out, delay: 0.1, concurrent: 2, duration: 1s}\n"));
        assertTrue(e.getMessage().contains("scenarios[0].duration: not used by kind 'fan-out'; fan-out takes "
                + "'concurrent', clients takes 'clients', 'requests' and 'duration'"), e.getMessage());
    }
}
