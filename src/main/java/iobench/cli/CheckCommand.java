package iobench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.bench.ConcurrencyProbe;
import iobench.bench.EmbeddedServers;
import iobench.bench.HealthCheck;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import iobench.bench.load.LoadClient;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import iobench.core.ServerRole;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the servers: the health of each, how many requests each contender (ours and the named "
                + "targets) serves at once and whether that fits its model, then how many requests the simulation "
                + "server holds waiting at once (the original's quick_test.py).",
        footerHeading = "%n",
        footer = {"Examples:",
            "  iobench check                              embedded servers",
            "  iobench check --sim-url http://127.0.0.1:8001 --sync-url http://127.0.0.1:8002 --max-parked 2000",
            "",
            ExitCodes.HELP_SECTION})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The servers to check; none given: a fresh set of embedded ones. */
    @Mixin
    ServerUrlOptions urls;

    @Option(names = "--start", paramLabel = "N", defaultValue = "5", description = "First step of the probe (default ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--step", paramLabel = "N", defaultValue = "20", description = "Increase per step (default ${DEFAULT-VALUE}).")
    int increment;

    @Option(names = "--max-parked", paramLabel = "N", defaultValue = "500", description = "Stop the probe here (default ${DEFAULT-VALUE}, at most 10000).")
    int maxParked;

    @Option(names = "--scenarios", paramLabel = "FILE",
            description = "Also check the named targets of this scenario file: /health and requests served at once.")
    java.nio.file.Path scenariosFile;

    @Option(names = "--target", paramLabel = "NAME=URL", description = "Also check this target (as bench takes it). Repeatable.")
    List<String> targetOptions = new java.util.ArrayList<>();

    @Option(names = "--target-burst", paramLabel = "N", defaultValue = "50",
            description = "Requests sent at once to each contender, each asking for 0.5 s, twice: the first burst "
                    + "warms up, the second is measured (default ${DEFAULT-VALUE}).")
    int targetBurst;

    @Override
    public Integer call() throws Exception {
        if (start < 1 || increment < 1 || maxParked < start || maxParked > LoadClient.MAX_IN_FLIGHT) {
            throw ExitException.invalidInput("--start " + start + " --step " + increment + " --max-parked " + maxParked
                    + " is not usable; expected 1 <= start <= max-parked <= " + LoadClient.MAX_IN_FLIGHT + " and step >= 1");
        }
        if (targetBurst < 1 || targetBurst > 1000) {
            throw ExitException.invalidInput("--target-burst " + targetBurst + " is not usable; expected 1 to 1000");
        }
        // Checked before any server starts, as every other input.
        ServerSettings settings = SettingsLoader.load(null, System.getenv(), SettingsOverrides.NONE);
        List<Target> named = namedTargets(settings);
        PrintWriter out = spec.commandLine().getOut();
        Map<ServerRole, URI> given = urls.servers();
        URI simUrl = urls.sim();
        // Nothing given: check a fresh set of embedded servers, all of them.
        Set<ServerRole> embedded = simUrl == null && given.isEmpty() ? EnumSet.copyOf(ServerRole.contenders())
                : EnumSet.noneOf(ServerRole.class);
        try (EmbeddedServers servers = new EmbeddedServers(settings, simUrl, embedded);
             LoadClient client = new LoadClient()) {
            Map<ServerRole, URI> targets = new EnumMap<>(servers.targets().servers());
            targets.putAll(given);
            URI sim = servers.targets().simUrl();
            boolean healthy = true;
            out.println("Health");
            healthy &= health(out, client, ServerRole.SIM.label(), sim) != null;
            // Our contenders are targets of the same kind as the named ones: the same burst, the same table.
            List<Target> contenders = new ArrayList<>();
            for (Map.Entry<ServerRole, URI> e : targets.entrySet()) {
                JsonNode answer = health(out, client, e.getKey().label(), e.getValue());
                healthy &= answer != null;
                contenders.add(builtIn(e.getKey(), e.getValue(), answer, settings));
            }
            contenders.addAll(named);
            out.println();
            healthy &= TargetCheck.run(out, client, contenders, targetBurst);
            out.printf("Concurrency probe against %s (requests parked on /concurrency/block at once)%n", sim);
            out.printf("  %8s %8s %9s %9s %9s  %s%n", "sent", "parked", "released", "answered", "seconds", "result");
            out.flush();
            List<ConcurrencyProbe.Step> steps = ConcurrencyProbe.run(client, sim, start, increment, maxParked);
            for (ConcurrencyProbe.Step s : steps) {
                out.printf(java.util.Locale.ROOT, "  %8d %8d %9d %9d %9.2f  %s%n", s.sent(), s.parked(), s.released(),
                        s.answered(), s.seconds(), s.ok() ? "ok" : "FAILED: " + s.problem());
            }
            ConcurrencyProbe.Step last = steps.get(steps.size() - 1);
            int held = steps.stream().filter(ConcurrencyProbe.Step::ok).mapToInt(ConcurrencyProbe.Step::sent).max().orElse(0);
            out.printf("%nHeld at once: %d%s%n", held, last.ok() ? " (the probe's maximum; raise --max-parked to go further)" : "");
            out.flush();
            return healthy && last.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /**
     * One of our servers as the model takes it: sync a pool of the threads its /health reports (as
     * bench reads them), the configured count when it did not answer.
     */
    private static Target builtIn(ServerRole role, URI base, JsonNode health, ServerSettings settings) {
        Target target = Target.builtIn(role, base);
        if (target.model() != TargetModel.POOL) {
            return target;
        }
        int threads = health == null ? settings.syncThreads() : health.path("threads").asInt(settings.syncThreads());
        return new Target(target.name(), target.url(), target.model(), threads, target.request());
    }

    /** The named targets of --scenarios and --target; none: an empty list. */
    private List<Target> namedTargets(ServerSettings settings) {
        if (scenariosFile == null && targetOptions.isEmpty()) {
            return List.of();
        }
        if (scenariosFile == null) {
            return ScenarioFiles.targetOptions(targetOptions);
        }
        return ScenarioFiles.plan(ScenarioFiles.read(scenariosFile), settings, targetOptions).targets();
    }

    /** @return its /health answer, or null when it failed (the line says why) */
    private static JsonNode health(PrintWriter out, LoadClient client, String role, URI uri) {
        try {
            JsonNode body = HealthCheck.ask(client, role, uri);
            String detail = body.has("threads") ? "threads " + body.get("threads").asText()
                    : body.has("event_loops") ? "event loops " + body.get("event_loops").asText() : "";
            out.printf("  %-8s %-28s ok   %s%n", role, uri, detail);
            return body;
        } catch (HealthCheck.UnhealthyException e) {
            out.printf("  %-8s %-28s FAIL %s%n", role, uri, e.getMessage());
            return null;
        }
    }
}
