package iobench.cli;

import iobench.bench.contender.Target;
import iobench.bench.load.LoadClient;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import iobench.run.CheckRun;
import iobench.run.ScenarioFiles;
import iobench.core.ExitCodes;
import iobench.core.ExitException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true)
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
        boolean passed = CheckRun.run(spec.commandLine().getOut(), settings, urls.servers(), urls.sim(), named,
                targetBurst, new CheckRun.Probe(start, increment, maxParked));
        return passed ? ExitCodes.OK : ExitCodes.FAILED;
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
}
