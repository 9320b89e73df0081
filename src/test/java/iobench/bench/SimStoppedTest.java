package iobench.bench;

import iobench.scenario.Progress;
import iobench.scenario.BenchPlan;
import iobench.scenario.ProgressStep;
import iobench.scenario.ScenarioFileParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.load.LoadClient;
import iobench.bench.metrics.RunResult;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.RunningServer;
import iobench.core.ServerRole;
import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Measurements;
import iobench.analysis.Environment;
import iobench.report.MarkdownReport;
import iobench.analysis.ModelParams;
import iobench.analysis.ScenarioSummary;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulation server goes away part-way through a bench: the run must still complete, the
 * scenarios measured before stay valid, and those after are marked not valid with the reason.
 */
class SimStoppedTest {
    /** Add {@code ASYNC} (and start AsyncServer below) once iobench.server.async.AsyncServer is real. */
    private static final List<ServerRole> SERVERS = BenchEndToEndTest.SERVERS;

    private final List<RunningServer> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private RunningServer start(ServerRole role, ServerSettings settings) {
        RunningServer server = switch (role) {
            case SYNC -> SyncServer.startPlatform(settings, 0);
            case VIRTUAL -> SyncServer.startVirtual(settings, 0);
            case ASYNC -> iobench.server.async.AsyncServer.start(settings, 0);
            case SIM -> iobench.sim.SimServer.start(settings, 0);
        };
        started.add(server);
        return server;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void whenTheSimStopsTheLaterScenariosAreNotValidAndSayTheCallsWereRefused() throws Exception {
        RunningServer sim = SimServer.start(TestSettings.defaults(), 0);
        started.add(sim);
        ServerSettings settings = SettingsLoader.load(null, Map.of(), Map.of("sim-url", sim.baseUri().toString()));
        Map<ServerRole, URI> urls = new EnumMap<>(ServerRole.class);
        for (ServerRole role : SERVERS) {
            urls.put(role, start(role, settings).baseUri());
        }
        String servers = SERVERS.stream().map(ServerRole::label).collect(Collectors.joining(", ", "[", "]"));
        BenchPlan plan = ScenarioFileParser.parse("stopped.yaml", """
                defaults:
                  repetitions: 2
                  warmup: 1
                  servers: %s
                scenarios:
                  - {name: before, kind: fan-out, delay: 0.02, concurrent: 5}
                  - {name: after, kind: clients, delay: 0.02, clients: 10}
                  - {name: after-fan, kind: fan-out, delay: 0.02, concurrent: 5, strategy: parallel}
                """.formatted(servers), ScenarioFileParser.Caps.of(60_000, 1000), List.of());

        AtomicReference<String> stoppedAt = new AtomicReference<>();
        List<String> labels = new ArrayList<>();
        Progress stopTheSim = new Progress() {
            @Override
            public void begin(int totalRuns) {
            }

            @Override
            public void step(ProgressStep step) {
                String label = step.label();
                labels.add(label);
                // On the bench's own thread, before the first run of "after": nothing is in flight.
                if (label.startsWith("after ") && stoppedAt.get() == null) {
                    sim.close();
                    stoppedAt.set(label);
                }
            }

            @Override
            public void end() {
            }
        };

        List<RunResult> runs;
        BenchRunner.AbortedException aborted;
        try (LoadClient client = new LoadClient()) {
            BenchRunner runner = new BenchRunner(client, new Targets(sim.baseUri(), urls), plan, stopTheSim, Map.of(),
                    false, Map.of());
            aborted = assertThrows(BenchRunner.AbortedException.class, runner::run);
            runs = runner.results();
        }

        assertEquals("after " + SERVERS.get(0).label() + " warm-up 1/1", stoppedAt.get(), () -> "labels: " + labels);
        // The scenario in which the sim died is finished and reported; the ones after it do not run.
        assertTrue(aborted.getMessage().contains("stopped answering during scenario 'after'"), aborted.getMessage());
        assertTrue(runs.stream().noneMatch(r -> r.scenario().equals("after-fan")), "nothing runs after the abort");
        int planned = plan.scenarios().stream().filter(s -> !s.name().equals("after-fan"))
                .mapToInt(s -> s.servers().size() * (plan.warmup().rounds() + s.repetitions())).sum();
        assertEquals(planned, runs.size(), "every run up to the end of 'after' ran");

        Environment env = new Environment("test", "jvm", 1, "os", "stopped.yaml", "now", "test", List.of(), "n/a",
                "in-process: servers and load generator in one JVM");
        BenchReport report = Analysis.analyse(plan, new Measurements(runs, plan.warmup(), List.of(), List.of(),
                aborted.getMessage(), Map.of()), env, new ModelParams(settings.syncThreads(), settings.fanoutThreads(),
                Map.of()));
        Map<String, ScenarioSummary> byName = report.scenarios().stream()
                .collect(Collectors.toMap(s -> s.scenario().name(), s -> s));

        assertTrue(byName.get("before").valid(), () -> "before the stop: " + byName.get("before").invalidReason());
        assertFalse(byName.containsKey("after-fan"), "a scenario that never ran has no summary");
        for (String name : List.of("after")) {
            ScenarioSummary s = byName.get(name);
            assertFalse(s.valid(), name);
            assertTrue(s.invalidReason().contains("downstream-refused"), () -> name + ": " + s.invalidReason());
            for (ServerRole role : SERVERS) {
                assertTrue(s.invalidReason().contains(role.label() + ": "), () -> name + ": " + s.invalidReason());
            }
            s.comparisons().forEach(c -> {
                assertTrue(Double.isNaN(c.speedup()), name);
                assertEquals("not valid", c.verdict(), name);
            });
        }
        // Every measured run after the stop failed every call, and says so.
        // ... with the message of the first refusal, which names the sim's address.
        String simPort = ":" + sim.port();
        runs.stream().filter(r -> !r.warmup() && r.scenario().startsWith("after")).forEach(r -> {
            assertEquals(0, r.successful(), r.toString());
            assertTrue(r.errors().containsKey("downstream-refused"), r.toString());
            assertTrue(r.errorSamples().getOrDefault("downstream-refused", "").contains(simPort), r.toString());
        });

        String md = MarkdownReport.render(report, List.of(), null);
        assertTrue(md.contains("> **INCOMPLETE**: the simulation server stopped answering during scenario 'after'"), md);
        assertTrue(md.contains("**after** (not valid)"), md);
        assertTrue(md.contains("- **after** is not valid: "), md);
        assertTrue(md.contains("## Errors"), md);
        String errorsTable = md.substring(md.indexOf("## Errors"));
        for (ServerRole role : SERVERS) {
            assertTrue(errorsTable.lines().anyMatch(l -> l.startsWith("| after | " + role.label() + " | ")
                    && l.contains("downstream-refused") && l.contains(simPort)),
                    () -> role.label() + " in the errors table, with its first message:\n" + md);
        }
        assertFalse(errorsTable.lines().anyMatch(l -> l.startsWith("| before | ")), "before has no errors");
    }
}
