package iobench.bench;

import iobench.scenario.Progress;
import iobench.scenario.BenchPlan;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioFileException;
import iobench.scenario.ScenarioFileParser;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.load.LoadClient;
import iobench.bench.metrics.RunResult;
import iobench.http.Json;
import iobench.core.ServerRole;
import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Environment;
import iobench.analysis.ModelParams;
import iobench.analysis.ScenarioSummary;
import iobench.sim.DelayDistribution;
import iobench.sim.IoProfile;
import iobench.sim.IoProfiles;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scenario files with sim profiles: parsing, and a bench run under faults against a real sim and sync server. */
class ProfileScenarioTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);

    private static Scenario only(String scenario) {
        return ScenarioFileParser.parse("p.yaml", "scenarios:\n  - " + scenario + "\n", CAPS, List.of())
                .scenarios().get(0);
    }

    @Test
    void aNamedProfileSetsTheSimProfileAndTheScenarioDelayToItsMedian() {
        Scenario scenario = only("{name: ext, kind: clients, clients: 2, profile: external-api}");

        assertEquals(IoProfiles.named("external-api"), scenario.simProfile());
        assertEquals(120, scenario.delayMs());
    }

    @Test
    void ioKeysOverrideAProfileOrBuildOneOnTheScenarioDelay() {
        Scenario tail = only("{name: t, kind: fan-out, concurrent: 2, delay: 50ms, io: {dist: lognormal, p99: 0.25,"
                + " error-rate: 0.1, stall-every: 10s, stall: 1, seed: 9}}");
        Scenario faultsOnly = only("{name: f, kind: fan-out, concurrent: 2, delay: 0.1, io: {hang-rate: 0.5}}");
        Scenario overridden = only("{name: o, kind: clients, clients: 1, profile: llm-api, io: {unavailable-rate: 0}}");

        assertAll(
                () -> assertEquals(new IoProfile(new DelayDistribution.LogNormal(50, 250), 0.1, 0, 0, 0, 10_000,
                        1_000, 9), tail.simProfile()),
                () -> assertEquals(50, tail.delayMs()),
                () -> assertNull(faultsOnly.simProfile().distribution(), "each call keeps the scenario's delay"),
                () -> assertEquals(0.5, faultsOnly.simProfile().hangRate()),
                () -> assertEquals(new DelayDistribution.LogNormal(800, 6_000), overridden.simProfile().distribution()),
                () -> assertEquals(0.0, overridden.simProfile().unavailableRate()),
                () -> assertNull(only("{name: plain, kind: clients, clients: 1, delay: 0.1}").simProfile()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "profile: nope, kind: clients, clients: 1 | 2:24: scenarios[0].profile: 'nope' is not allowed; expected one of llm-api",
            "profile: db-query, kind: clients, clients: 1, delay: 0.1 | 2:61: scenarios[0].delay: not used with 'profile'",
            "kind: clients, clients: 1, delay: 0.1, io: {error-rate: 1.5} | 2:71: scenarios[0].io.error-rate: '1.5' is not allowed; expected a number from 0 to 1",
            "kind: clients, clients: 1, delay: 0.1, io: {hang-rate: NaN} | 2:70: scenarios[0].io.hang-rate: 'NaN' is not allowed",
            "kind: clients, clients: 1, delay: 0.1, io: {bogus: 1} | 2:59: scenarios[0].io.bogus: unknown key; expected one of dist",
            "kind: clients, clients: 1, delay: 0.1, io: {dist: lognormal} | 2:58: scenarios[0].io.p99: missing; expected",
            "kind: clients, clients: 1, delay: 0.1, io: {dist: lognormal, p99: 50ms} | 2:81: scenarios[0].io.p99: '0.050' is not allowed; expected at least the median",
            "kind: clients, clients: 1, delay: 0.1, io: {dist: pareto} | 2:65: scenarios[0].io.dist: 'pareto' is not allowed; expected one of fixed",
            "kind: clients, clients: 1, delay: 0.1, io: {stall: 1} | 2:66: scenarios[0].io.stall: '1.0' is not allowed; expected 0 unless stall-every",
            "kind: clients, clients: 1, delay: 0.1, io: {error-rate: 0.6, reset-rate: 0.6} | 2:88: scenarios[0].io.reset-rate: '0.6' is not allowed; expected error-rate",
            "kind: clients, clients: 1, delay: 0.1, io: {seed: x} | 2:65: scenarios[0].io.seed: 'x' is not allowed; expected an integer",
            "kind: clients, clients: 1, delay: 0.1, io: [1] | 2:58: scenarios[0].io: expected a map of keys"})
    void badProfileKeysAreRefusedWithLineColumnAndField(String keys, String expectedStart) {
        ScenarioFileException e = assertThrows(ScenarioFileException.class,
                () -> ScenarioFileParser.parse("p.yaml", "scenarios:\n  - {name: s, " + keys + "}\n", CAPS, List.of()));

        assertTrue(e.getMessage().startsWith("p.yaml:" + expectedStart), e.getMessage());
    }

    @Test
    void theExampleFaultScenariosParse() throws IOException {
        Path file = Path.of("examples/scenarios-faults.yaml");
        BenchPlan plan = ScenarioFileParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), CAPS,
                List.of());

        assertTrue(plan.scenarios().stream().allMatch(s -> s.simProfile() != null), plan.toString());
    }

    @Test
    @Timeout(30)
    void aBenchUnderFaultsRunsToTheEndCountsFailuresByKindAndResetsTheProfile() throws Exception {
        // The sync server gives up on a downstream call 0.5 s after its delay: hangs cost half a second.
        var settings = TestSettings.loopback(Map.of("downstream-timeout-extra-s", 0.5, "fanout-threads", 40));
        String yaml = """
                defaults: {repetitions: 1, warmup: 1, servers: [sync]}
                scenarios:
                  - {name: faults, kind: fan-out, delay: 0.02, concurrent: 40, strategy: parallel,
                     io: {error-rate: 0.2, unavailable-rate: 0.2, hang-rate: 0.2, reset-rate: 0.2, seed: 3}}
                  - {name: clean, kind: clients, delay: 0.01, clients: 4}
                """;
        BenchPlan plan = ScenarioFileParser.parse("faults.yaml", yaml, CAPS, List.of());

        List<RunResult> runs;
        String profileAfter;
        try (EmbeddedServers servers = new EmbeddedServers(settings, null, Set.of(ServerRole.SYNC));
             LoadClient client = new LoadClient()) {
            runs = new BenchRunner(client, servers.targets(), plan, Progress.NONE, Map.of(), false,
                    Map.of()).run();
            profileAfter = client.get(servers.targets().simUrl().resolve("/profile"), Duration.ofSeconds(5)).body();
        }

        RunResult faults = runs.stream().filter(r -> r.scenario().equals("faults") && !r.warmup()).findFirst()
                .orElseThrow();
        assertAll(
                () -> assertEquals(40, faults.successful() + faults.failed(), faults.toString()),
                () -> assertTrue(faults.errors().getOrDefault("downstream-http-status", 0) > 0, faults.errors().toString()),
                () -> assertTrue(faults.errors().getOrDefault("downstream-timeout", 0) > 0, faults.errors().toString()),
                () -> assertTrue(faults.errors().getOrDefault("downstream-reset", 0) > 0, faults.errors().toString()),
                () -> assertEquals(Set.of("downstream-http-status", "downstream-timeout", "downstream-reset"),
                        faults.errors().keySet(), "no other kind: " + faults.errors()),
                // Every kind has its first message, even one that first failed after the answer's first five.
                () -> assertEquals(faults.errors().keySet(), faults.errorSamples().keySet(),
                        faults.errorSamples().toString()),
                () -> assertTrue(faults.errorSamples().getOrDefault("downstream-http-status", "")
                        .matches("downstream answered HTTP 50[03]"), faults.errorSamples().toString()));
        RunResult clean = runs.stream().filter(r -> r.scenario().equals("clean") && !r.warmup()).findFirst()
                .orElseThrow();
        assertEquals(0, clean.failed(), "the next scenario ran under the old profile: " + clean.errors());
        assertEquals("as-requested", Json.MAPPER.readTree(profileAfter).path("dist").asText(), profileAfter);

        BenchReport report = Analysis.analyse(plan, runs, new Environment("test", "jvm", 1, "os", "faults.yaml",
                "now", "bench", List.of(), "n/a", "in-process: servers and load generator in one JVM"),
                new ModelParams(8, 40, Map.of()));
        ScenarioSummary faultSummary = report.scenarios().get(0);
        assertFalse(faultSummary.valid(), "a scenario with failures is not valid");
        assertTrue(faultSummary.invalidReason().contains("downstream-timeout"), faultSummary.invalidReason());
        assertTrue(report.scenarios().get(1).valid(), String.valueOf(report.scenarios().get(1).invalidReason()));
    }
}
