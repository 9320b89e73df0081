package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.Contender;
import iobench.core.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFileParserTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);
    private static final String SOURCE = "bad.yaml";
    /** {@code bad.yaml:LINE:COLUMN: } at the start of a message. */
    private static final Pattern LOCATED = Pattern.compile("^bad\\.yaml:\\d+:\\d+: .*", Pattern.DOTALL);

    private static BenchPlan parse(String yaml) {
        return ScenarioFileParser.parse(SOURCE, yaml, CAPS, List.of());
    }

    private static ScenarioFileException failure(String yaml) {
        return assertThrows(ScenarioFileException.class, () -> parse(yaml));
    }

    /** A file with one scenario line (two-space indented list item) after a fixed header. */
    private static String oneScenario(String scenario) {
        return "scenarios:\n  - " + scenario + "\n";
    }

    // ---------------------------------------------------------------- the shipped file

    @Test
    void theRepositoryScenarioFileParsesIntoTheOriginalSuitesPlusTheParallelStressAndTwoHundredClients() throws IOException {
        assertIsTheShippedPlan(parse(Files.readString(Path.of("scenarios.yaml"), StandardCharsets.UTF_8)));
    }

    @Test
    void theScenarioFileOnTheClasspathIsTheSameAsTheRepositoryOne() throws IOException {
        String text;
        try (InputStream in = ScenarioFileParserTest.class.getResourceAsStream("/scenarios.yaml")) {
            assertNotNull(in, "/scenarios.yaml is not on the classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(Path.of("scenarios.yaml"), StandardCharsets.UTF_8), text);
        assertIsTheShippedPlan(parse(text));
    }

    private static void assertIsTheShippedPlan(BenchPlan plan) {
        record Expected(String name, ScenarioKind kind, long delayMs, int concurrent, int clients) {
        }
        List<Expected> expected = List.of(
                new Expected("baseline", ScenarioKind.FAN_OUT, 500, 1, 1),
                new Expected("low", ScenarioKind.FAN_OUT, 1000, 5, 1),
                new Expected("medium", ScenarioKind.FAN_OUT, 1000, 10, 1),
                new Expected("high", ScenarioKind.FAN_OUT, 500, 20, 1),
                new Expected("stress", ScenarioKind.FAN_OUT, 300, 50, 1),
                new Expected("stress-parallel", ScenarioKind.FAN_OUT, 300, 50, 1),
                new Expected("clients-5", ScenarioKind.CLIENTS, 1000, 1, 5),
                new Expected("clients-10", ScenarioKind.CLIENTS, 1000, 1, 10),
                new Expected("clients-20", ScenarioKind.CLIENTS, 500, 1, 20),
                new Expected("clients-50", ScenarioKind.CLIENTS, 300, 1, 50),
                new Expected("clients-100", ScenarioKind.CLIENTS, 200, 1, 100),
                new Expected("clients-200", ScenarioKind.CLIENTS, 200, 1, 200),
                new Expected("sustained-50", ScenarioKind.CLIENTS, 20, 1, 50));
        List<Expected> actual = plan.scenarios().stream()
                // A kind without K or clients counts as 1 of them, as the table always had it.
                .map(s -> new Expected(s.name(), s.kind(), s.delayMs(), s instanceof FanOutScenario f ? f.concurrent() : 1,
                        s instanceof ClientsScenario c ? c.clients() : 1))
                .toList();
        assertEquals(expected, actual);
        assertEquals(iobench.scenario.Warmup.AUTO, plan.warmup());
        assertEquals(ScenarioFileParser.DEFAULT_WARMUP_DELAY_MS, plan.warmupDelayMs());
        // The long sequential fan-outs leave the virtual server out (it runs the same blocking code
        // as sync, so `low` shows it); everything else compares all three.
        List<String> syncAndAsyncOnly = List.of("baseline", "medium", "high", "stress");
        for (Scenario s : plan.scenarios()) {
            List<Contender> servers = syncAndAsyncOnly.contains(s.name()) ? List.of(Contender.SYNC, Contender.ASYNC)
                    : List.of(Contender.SYNC, Contender.ASYNC, Contender.VIRTUAL);
            assertAll(s.name(),
                    () -> assertEquals(3, s.repetitions()),
                    () -> assertEquals(servers, s.servers()),
                    () -> assertEquals(s.name().equals("stress-parallel") ? Strategy.PARALLEL : Strategy.SEQUENTIAL,
                            s.strategy()),
                    () -> {
                        if (s instanceof ClientsScenario c) {
                            assertEquals(c.name().equals("sustained-50") ? 1000 : c.clients(), c.requests(),
                                    "requests default to clients");
                        }
                    });
        }
    }

    // ---------------------------------------------------------------- good input

    @ParameterizedTest(name = "warmup {0}")
    @MethodSource("warmups")
    void warmupIsAutoARoundCountOrATime(String written, iobench.scenario.Warmup expected) {
        BenchPlan plan = parse("defaults: {warmup: " + written + "}\n"
                + "scenarios:\n  - {name: a, kind: fan-out, delay: 0.1, concurrent: 1}\n");
        assertEquals(expected, plan.warmup());
    }

    static Stream<Arguments> warmups() {
        return Stream.of(
                Arguments.of("auto", iobench.scenario.Warmup.AUTO),
                Arguments.of("AUTO", iobench.scenario.Warmup.AUTO),
                Arguments.of("0", iobench.scenario.Warmup.rounds(0)),
                Arguments.of("3", iobench.scenario.Warmup.rounds(3)),
                Arguments.of("20s", iobench.scenario.Warmup.timed(20_000)),
                Arguments.of("500ms", iobench.scenario.Warmup.timed(500)));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "warmup-max-time: 10s | 60000 | 10000",
            "warmup-max-time: 60s | 360000 | 60000",
            "warmup-max-time: 2s | 60000 | 2000",
            "'warmup-max-time: 60s, warmup-max-calls: 5000' | 5000 | 60000",
            "warmup-max-calls: 100000 | 100000 | 10000"})
    void aLongerWarmupTimeCapIsNotCutShortByTheDefaultCallsCap(String caps, long maxCalls, long maxMs) {
        BenchPlan plan = parse("defaults: {" + caps + "}\n"
                + "scenarios:\n  - {name: a, kind: fan-out, delay: 0.1, concurrent: 1}\n");
        assertEquals(maxCalls, plan.warmup().maxCalls(), caps);
        assertEquals(maxMs, plan.warmup().maxMs(), caps);
    }

    @ParameterizedTest(name = "warmup {0} is refused")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sometimes", "-1", "1.5", "201", "11m", "[1]"})
    void aWarmupThatIsNeitherAutoNorACountNorATimeIsRefusedWithItsPlace(String written) {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> parse("defaults: {warmup: " + written
                + "}\nscenarios:\n  - {name: a, kind: fan-out, delay: 0.1, concurrent: 1}\n"));
        assertTrue(e.getMessage().contains(":1:") && e.getMessage().contains("defaults.warmup")
                && e.getMessage().contains("auto, a number of rounds"), e.getMessage());
    }

    @ParameterizedTest(name = "delay {0} is {1} ms")
    @MethodSource("durations")
    void delaysAreReadAsSecondsOrAsDurationsWithAUnit(String written, long expectedMs) {
        BenchPlan plan = parse(oneScenario("{name: a, kind: fan-out, delay: " + written + ", concurrent: 1}"));
        assertEquals(expectedMs, plan.scenarios().get(0).delayMs());
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("'250ms'", 250L),
                Arguments.of("250ms", 250L),
                Arguments.of("'1.5s'", 1500L),
                Arguments.of("'0.5'", 500L),
                Arguments.of("0.5", 500L),
                Arguments.of("0", 0L),
                Arguments.of("60", 60_000L),
                Arguments.of("1m", 60_000L));
    }

    @Test
    void scenarioValuesOverrideTheDefaultsAndServersAreSortedWithSyncFirst() {
        BenchPlan plan = parse("""
                defaults:
                  repetitions: 2
                  warmup: 0
                  warmup-delay: 10ms
                  servers: [virtual, sync]
                  strategy: parallel
                scenarios:
                  - {name: a, kind: fan-out, delay: 0.1, concurrent: 3}
                  - {name: b.2_x, kind: clients, delay: 0.1, clients: 4, requests: 9, repetitions: 5, servers: [async, sync], strategy: sequential}
                """);
        assertEquals(iobench.scenario.Warmup.rounds(0), plan.warmup());
        assertEquals(10, plan.warmupDelayMs());
        assertEquals(SOURCE, plan.source());
        Scenario a = plan.scenarios().get(0);
        assertEquals(List.of(Contender.SYNC, Contender.VIRTUAL), a.servers());
        assertEquals(2, a.repetitions());
        assertEquals(Strategy.PARALLEL, a.strategy());
        ClientsScenario b = (ClientsScenario) plan.scenarios().get(1);
        assertEquals(List.of(Contender.SYNC, Contender.ASYNC), b.servers());
        assertEquals(5, b.repetitions());
        assertEquals(Strategy.SEQUENTIAL, b.strategy());
        assertEquals(4, b.clients());
        assertEquals(9, b.requests());
    }

    // ---------------------------------------------------------------- bad input: every message is located

    /**
     * Each case: the file, the line (1-based) and a piece of that line whose first character is
     * where the error must point (so the expected column is computed, not counted by hand), the
     * field path and a fragment that says what is allowed.
     */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown top key",
                        "scenarioz:\n  - {name: a, kind: fan-out, delay: 1, concurrent: 1}\n",
                        1, "scenarioz", "scenarioz", "expected one of defaults, scenarios, targets"),
                Arguments.of("unknown defaults key",
                        "defaults:\n  repetition: 2\nscenarios:\n  - {name: a, kind: fan-out, delay: 1, concurrent: 1}\n",
                        2, "repetition:", "defaults.repetition",
                        "expected one of baseline, repetitions, servers, strategy, thresholds, warmup, warmup-delay"),
                Arguments.of("unknown scenario key",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1, colour: red}"),
                        2, "colour", "scenarios[0].colour",
                        "expected one of clients, concurrent, connections, delay, duration, io, kind, name, profile, rate, repetitions, requests, servers, slo, strategy"),
                Arguments.of("concurrent is not a number",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: abc}"),
                        2, "abc", "scenarios[0].concurrent", "'abc' is not allowed; expected an integer from 1 to 1000"),
                Arguments.of("delay is a list",
                        oneScenario("{name: a, kind: fan-out, delay: [1], concurrent: 1}"),
                        2, "[1]", "scenarios[0].delay", "expected seconds such as 0.5, or a duration such as 250ms"),
                Arguments.of("missing name",
                        oneScenario("{kind: fan-out, delay: 1, concurrent: 1}"),
                        2, "{", "scenarios[0].name", "missing; expected a name"),
                Arguments.of("missing kind",
                        oneScenario("{name: a, delay: 1, concurrent: 1}"),
                        2, "{", "scenarios[0].kind", "missing; expected one of fan-out, clients"),
                Arguments.of("missing delay",
                        oneScenario("{name: a, kind: fan-out, concurrent: 1}"),
                        2, "{", "scenarios[0].delay", "missing; expected seconds such as 0.5"),
                Arguments.of("missing concurrent",
                        oneScenario("{name: a, kind: fan-out, delay: 1}"),
                        2, "{", "scenarios[0].concurrent", "missing; expected an integer from 1 to 1000"),
                Arguments.of("missing clients",
                        oneScenario("{name: a, kind: clients, delay: 1}"),
                        2, "{", "scenarios[0].clients", "missing; expected an integer from 1 to 10000"),
                Arguments.of("negative delay",
                        oneScenario("{name: a, kind: fan-out, delay: -0.5, concurrent: 1}"),
                        2, "-0.5", "scenarios[0].delay", "'-0.5' is not allowed; expected seconds from 0 to 60 s"),
                Arguments.of("negative concurrent",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: -3}"),
                        2, "-3", "scenarios[0].concurrent", "'-3' is not allowed; expected an integer from 1 to 1000"),
                Arguments.of("zero clients",
                        oneScenario("{name: a, kind: clients, delay: 1, clients: 0}"),
                        2, "0}", "scenarios[0].clients", "'0' is not allowed; expected an integer from 1 to 10000"),
                Arguments.of("fewer requests than clients",
                        oneScenario("{name: a, kind: clients, delay: 1, clients: 10, requests: 5}"),
                        2, "5}", "scenarios[0].requests", "'5' is not allowed; expected an integer from 10 to 100000"),
                Arguments.of("duplicate names",
                        "scenarios:\n  - {name: a, kind: fan-out, delay: 1, concurrent: 1}\n"
                                + "  - {name: a, kind: clients, delay: 1, clients: 2}\n",
                        3, "a, kind", "scenarios[1].name", "'a' is used twice; expected a unique name"),
                Arguments.of("concurrent over the cap",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1001}"),
                        2, "1001", "scenarios[0].concurrent", "'1001' is not allowed; expected an integer from 1 to 1000"),
                Arguments.of("delay over 60 s",
                        oneScenario("{name: a, kind: fan-out, delay: 60.5, concurrent: 1}"),
                        2, "60.5", "scenarios[0].delay", "'60.5' is not allowed; expected seconds from 0 to 60 s"),
                Arguments.of("delay of two minutes",
                        oneScenario("{name: a, kind: fan-out, delay: 2m, concurrent: 1}"),
                        2, "2m", "scenarios[0].delay", "'2m' is not allowed; expected seconds from 0 to 60 s"),
                Arguments.of("unknown server",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1, servers: [sync, fast]}"),
                        2, "fast", "scenarios[0].servers", "'fast' is not allowed; expected one of sync, async, virtual"),
                Arguments.of("server listed twice",
                        "defaults:\n  servers: [sync, async, sync]\nscenarios:\n  - {name: a, kind: fan-out, delay: 1, concurrent: 1}\n",
                        2, "sync]", "defaults.servers", "'sync' is listed twice; expected each server once"),
                Arguments.of("unknown strategy",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1, strategy: random}"),
                        2, "random", "scenarios[0].strategy", "'random' is not allowed; expected one of sequential, parallel"),
                Arguments.of("fan-out with a clients key",
                        oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1, clients: 5}"),
                        2, "clients:", "scenarios[0].clients", "not used by kind 'fan-out'; fan-out takes 'concurrent'"),
                Arguments.of("clients with a concurrent key",
                        oneScenario("{name: a, kind: clients, delay: 1, clients: 5, concurrent: 2}"),
                        2, "concurrent:", "scenarios[0].concurrent", "not used by kind 'clients'"),
                Arguments.of("unknown kind",
                        oneScenario("{name: a, kind: fanout, delay: 1, concurrent: 1}"),
                        2, "fanout", "scenarios[0].kind", "'fanout' is not allowed; expected one of fan-out, clients"),
                Arguments.of("name with a space",
                        oneScenario("{name: 'a b', kind: fan-out, delay: 1, concurrent: 1}"),
                        2, "'a b'", "scenarios[0].name", "expected 1 to 64 letters, digits, '.', '_' or '-'"),
                Arguments.of("scenarios is not a list",
                        "scenarios: 3\n",
                        1, "3", "scenarios", "expected a non-empty list of scenarios"),
                Arguments.of("repetitions of zero",
                        "defaults:\n  repetitions: 0\nscenarios:\n  - {name: a, kind: fan-out, delay: 1, concurrent: 1}\n",
                        2, "0", "defaults.repetitions", "'0' is not allowed; expected an integer from 1 to 100"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadValueIsRefusedWithSourceLineColumnPathAndWhatIsAllowed(String label, String yaml, int line, String at,
                                                                    String path, String allowed) {
        String lineText = yaml.lines().toList().get(line - 1);
        int column = lineText.indexOf(at) + 1;
        assertTrue(column > 0, "the test's anchor is on its line");
        String expectedStart = SOURCE + ":" + line + ":" + column + ": " + path + ": ";
        String message = failure(yaml).getMessage();
        assertTrue(message.startsWith(expectedStart),
                () -> "expected '" + expectedStart + "...' but was: " + message);
        assertTrue(message.contains(allowed), () -> "expected the message to contain '" + allowed + "': " + message);
        assertEquals(1, message.lines().count(), () -> "one line: " + message);
    }

    @Test
    void theExactLineAndColumnAreThoseOfTheBadValue() {
        // Counted by hand: "  - {name: a, kind: fan-out, delay: 1, concurrent: " is 51 characters.
        assertEquals("bad.yaml:2:52: scenarios[0].concurrent: 'abc' is not allowed; expected an integer from 1 to 1000",
                failure(oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: abc}")).getMessage());
        assertEquals("bad.yaml:2:52: scenarios[0].concurrent: '1001' is not allowed; expected an integer from 1 to 1000",
                failure(oneScenario("{name: a, kind: fan-out, delay: 1, concurrent: 1001}")).getMessage());
        // Block style: the value of 'delay' on line 5, after four spaces and "delay: ".
        assertEquals("bad.yaml:5:12: scenarios[0].delay: '61' is not allowed; expected seconds from 0 to 60 s "
                        + "(such as 0.5), or a duration such as 250ms",
                failure("""
                        scenarios:
                          - name: a
                            kind: fan-out
                            concurrent: 1
                            delay: 61
                        """).getMessage());
        assertEquals("bad.yaml:1:1: colour: unknown key; expected one of defaults, scenarios, targets",
                failure("colour: red\nscenarios: []\n").getMessage());
    }

    @Test
    void aTabInTheIndentationIsReportedAsInvalidYamlWithItsLine() {
        String message = failure("scenarios:\n\t- {name: a, kind: fan-out, delay: 1, concurrent: 1}\n").getMessage();
        assertTrue(LOCATED.matcher(message).matches(), message);
        assertTrue(message.startsWith("bad.yaml:2:"), message);
        assertTrue(message.contains("not valid YAML"), message);
    }

    @Test
    void aBrokenIndentationIsReportedAsInvalidYamlWithItsLine() {
        String message = failure("""
                scenarios:
                  - name: a
                    kind: fan-out
                   delay: 1
                """).getMessage();
        assertTrue(LOCATED.matcher(message).matches(), message);
        assertTrue(message.startsWith("bad.yaml:4:"), message);
        assertTrue(message.contains("not valid YAML"), message);
    }

    @Test
    void aDuplicateKeyIsReportedWithItsLine() {
        String message = failure("scenarios:\n  - {name: a, name: b, kind: fan-out, delay: 1, concurrent: 1}\n")
                .getMessage();
        assertTrue(LOCATED.matcher(message).matches(), message);
        assertTrue(message.startsWith("bad.yaml:2:"), message);
    }

    @Test
    void anEmptyFileIsRefusedAndSaysAScenariosListIsNeeded() {
        for (String empty : List.of("", "   \n", "# only a comment\n")) {
            String message = failure(empty).getMessage();
            assertTrue(message.startsWith(SOURCE + ": "), message);
            assertTrue(message.contains("empty"), message);
            assertTrue(message.contains("'scenarios' list"), message);
        }
    }

    @Test
    void aFileWithoutScenariosIsRefused() {
        String message = failure("defaults:\n  repetitions: 2\n").getMessage();
        assertTrue(message.startsWith("bad.yaml:1:1: "), message);
        assertTrue(message.contains("needs a 'scenarios' list"), message);
    }

    @Test
    void anEmptyScenarioListIsRefused() {
        String message = failure("scenarios: []\n").getMessage();
        assertTrue(message.startsWith("bad.yaml:1:12: scenarios: "), message);
        assertTrue(message.contains("non-empty list"), message);
    }
}
