package iobench.bench;

import iobench.scenario.BenchPlan;
import iobench.scenario.RateScenario;
import iobench.scenario.RateSpec;
import iobench.scenario.ScenarioFileException;
import iobench.scenario.ScenarioFileParser;
import iobench.scenario.ScenarioKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.Contender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kind: rate}: its keys, their defaults, and a located one-line message for each bad value. */
class RateScenarioParserTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);

    private static BenchPlan parse(String yaml) {
        return ScenarioFileParser.parse("rate.yaml", yaml, CAPS, List.of());
    }

    @Test
    void aStaircaseWithAnSloParses() {
        // A rate scenario has no K and no clients of its own: its type says so (they were placeholder 1s).
        RateScenario s = assertInstanceOf(RateScenario.class, parse("""
                defaults: {repetitions: 2, servers: [async, sync]}
                scenarios:
                  - name: cap
                    kind: rate
                    delay: 100ms
                    rate: [50, 100, 200, 400, 800]
                    duration: 10s
                    slo: {p99: 500ms, errors: 1%}
                """).scenarios().get(0));
        assertEquals(ScenarioKind.RATE, s.kind());
        assertEquals(100, s.delayMs());
        assertEquals(List.of(50, 100, 200, 400, 800), s.rate().rates());
        assertEquals(10_000, s.rate().durationMs());
        assertEquals(0, s.rate().connections());
        assertEquals(new RateSpec.Slo(500, 0.01), s.rate().slo());
        assertEquals(5, s.steps());
        assertEquals(List.of(Contender.SYNC, Contender.ASYNC), s.servers());
        RateScenario step = s.atRate(200, 1_000);
        assertEquals(List.of(200), step.rate().rates());
        assertEquals(1_000, step.rate().durationMs());
        assertEquals(s.rate().slo(), step.rate().slo());
    }

    @Test
    void aSingleRateConnectionsAndTheDefaultErrorShareParse() {
        RateScenario s = (RateScenario) parse("""
                scenarios:
                  - {name: one, kind: rate, delay: 0.02, rate: 75, duration: 1.5s, connections: 4, slo: {p99: 0.25}}
                  - {name: bare, kind: rate, delay: 0.02, rate: 1, duration: 100ms}
                """).scenarios().get(0);
        assertEquals(List.of(75), s.rate().rates());
        assertEquals(1_500, s.rate().durationMs());
        assertEquals(4, s.rate().connections());
        assertEquals(new RateSpec.Slo(250, ScenarioFileParser.DEFAULT_SLO_ERROR_RATE), s.rate().slo());
        assertNull(((RateScenario) parse("""
                scenarios:
                  - {name: bare, kind: rate, delay: 0.02, rate: 1, duration: 100ms}
                """).scenarios().get(0)).rate().slo());
    }

    /** Each row: the scenario's keys | the text the message must point at | the key path | the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "rate: 0 | 0 | rate | '0' is not allowed; expected an integer from 1 to 10000",
        "rate: 10001 | 10001 | rate | '10001' is not allowed; expected an integer from 1 to 10000",
        "rate: [50, 50] | 50] | rate[1] | '50' is not allowed; expected a rate above the step before (50): a staircase goes up",
        "rate: [50, abc] | abc | rate[1] | 'abc' is not allowed; expected an integer from 1 to 10000",
        "rate: [] | [] | rate | expected 1 to 20 steps of requests per second from 1 to 10000, or an increasing list of them such as [50, 100, 200]",
        "rate: 5, duration: 11m | 11m | duration | '11m' is not allowed; expected seconds from 0 to 600 s (such as 0.5), or a duration such as 250ms",
        "rate: 5, duration: 10ms | 10ms | duration | '10ms' is not allowed; expected at least 100ms",
        "rate: 5, duration: 1s, connections: 0 | 0} | connections | '0' is not allowed; expected an integer from 1 to 10000",
        "rate: 5, duration: 1s, connections: 10001 | 10001 | connections | '10001' is not allowed; expected an integer from 1 to 10000",
        "rate: 5, duration: 1s, slo: {p99: 0} | 0} | slo.p99 | '0' is not allowed; expected at least 1ms",
        "rate: 5, duration: 1s, slo: {errors: 1%} | {errors | slo.p99 | missing; expected the p99 latency a step may reach, such as 500ms",
        "rate: 5, duration: 1s, slo: {p99: 1s, errors: 101%} | 101% | slo.errors | '101%' is not allowed; expected a percentage from 0% to 100%, such as 1%",
        "rate: 5, duration: 1s, slo: {p99: 1s, errors: 0.01} | 0.01 | slo.errors | '0.01' is not allowed; expected a percentage from 0% to 100%, such as 1%",
        "rate: 5, duration: 1s, slo: {p50: 1s} | p50 | slo.p50 | unknown key; expected one of errors, p99",
        "rate: 5, duration: 1s, slo: 300ms | 300ms | slo | expected a map of keys (errors, p99)",
        "rate: 5, duration: 1s, clients: 3 | clients | clients | not used by kind 'rate'; fan-out takes 'concurrent', clients takes 'clients', 'requests' and 'duration', rate takes 'rate', 'duration', 'connections' and 'slo'",
        "duration: 1s | {name | rate | missing; expected requests per second from 1 to 10000, or an increasing list of them such as [50, 100, 200]",
        "rate: 5 | {name | duration | missing; expected how long each step sends, such as 10s (at most 600 s)",
    })
    void badRateValuesArePointedAt(String keys, String pointedAt, String path, String problem) {
        String line = "  - {name: r, kind: rate, delay: 0.1, " + keys + "}";
        String yaml = "scenarios:\n" + line + "\n";
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(yaml));
        int column = line.lastIndexOf(pointedAt) + 1;
        assertEquals("rate.yaml:2:" + column + ": scenarios[0]." + path + ": " + problem, e.getMessage(), yaml);
    }

    @Test
    void rateKeysAreRefusedOnTheOtherKinds() {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(
                "scenarios:\n  - {name: c, kind: clients, delay: 0.1, clients: 2, rate: 50}\n"));
        assertEquals("rate.yaml:2:54: scenarios[0].rate: not used by kind 'clients'; fan-out takes 'concurrent', "
                + "clients takes 'clients', 'requests' and 'duration', rate takes 'rate', 'duration', 'connections' and 'slo'",
                e.getMessage());
    }

    @Test
    void aRateScenarioIsGatedByItsSloNotByThresholds() {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse(
                "scenarios:\n  - {name: r, kind: rate, delay: 0.1, rate: 50, duration: 1s, thresholds: {p99-max: 1s}}\n"));
        assertTrue(e.getMessage().startsWith("rate.yaml:2:63: scenarios[0].thresholds: not used by kind 'rate'"),
                e.getMessage());
    }

    @Test
    void theRateExampleParses() throws IOException {
        BenchPlan plan = ScenarioFileParser.parse("examples/scenarios-rate.yaml",
                Files.readString(Path.of("examples/scenarios-rate.yaml"), StandardCharsets.UTF_8), CAPS, List.of());
        assertTrue(plan.scenarios().stream().anyMatch(s -> s.kind() == ScenarioKind.RATE && ((RateScenario) s).rate().slo() != null));
    }
}
