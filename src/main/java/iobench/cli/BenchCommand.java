package iobench.cli;

import iobench.scenario.BenchPlan;
import iobench.scenario.Segment;
import iobench.bench.segment.StartAt;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.core.ServerRole;
import iobench.report.format.Baseline;
import iobench.run.BenchOutput;
import iobench.run.BenchSession;
import iobench.run.ScenarioFiles;
import iobench.run.SegmentFiles;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", paramLabel = "FILE",
            description = "The scenario file (default: ./scenarios.yaml, else the one inside the jar).")
    Path scenariosFile;

    @Mixin
    AdHocOptions adHoc;

    @Mixin
    ConfigOption config;

    @Mixin
    ServerUrlOptions urls;

    @Option(names = "--target", paramLabel = "NAME=URL",
            description = "Another contender: its name and URL template ({delay} in seconds, {concurrent}, {strategy}, "
                    + "{request_id}), e.g. mine=http://127.0.0.1:9000/work?delay={delay}. The scenario file's servers "
                    + "lists name it; its 'targets' entry of that name may give its model. Repeatable.")
    java.util.List<String> targets = new java.util.ArrayList<>();

    @Option(names = "--isolate",
            description = "Run each server in a JVM of its own (this jar, serve-*), so that each one's CPU time and "
                    + "memory can be read from the OS and the servers share no heap or JIT. Default: all in this JVM.")
    boolean isolate;

    @Mixin
    SyncPoolOptions syncPools;

    @Mixin
    EventLoopOptions eventLoops;

    @Mixin
    ReportOptions output;

    @Mixin
    SegmentOptions segmentOptions;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = SettingsLoader.load(config.file(), System.getenv(),
                syncPools.overrides().and(eventLoops.overrides()));
        // Everything the user gave is checked before a server starts or a directory is made.
        AdHocOptions.Run adHocRun = adHoc.run(scenariosFile, targets, urls);
        ScenarioFiles.Text scenarios = adHocRun != null ? adHocRun.scenarios() : ScenarioFiles.read(scenariosFile);
        List<String> targetOptions = adHocRun != null ? adHocRun.targets() : targets;
        BenchPlan plan = ScenarioFiles.plan(scenarios, settings, targetOptions);
        ScenarioFiles.requireListed(plan, targetOptions);
        Segment segment = segmentOptions.segment();
        StartAt startAt = segmentOptions.startAt(Instant.now());
        Baseline earlier = output.baseline();
        Map<ServerRole, URI> external = urls.servers();
        SegmentOptions.requireExternal(segment, plan, external, urls.sim());
        BenchSession.Setup setup = new BenchSession.Setup(settings, config.file(), external, urls.sim(), isolate,
                "iobench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                segment == null ? Segment.WHOLE : segment, startAt);
        Path reportDir = output.reportDir();
        PrintWriter err = spec.commandLine().getErr();
        BenchSession.Outcome outcome = new BenchSession(setup, err,
                new ConsoleProgress(err, ConsoleProgress.isTerminal())).run(plan);
        new BenchOutput(spec.commandLine().getOut(), err).write(outcome, earlier, reportDir,
                segment == null ? null : new SegmentFiles.Given(segment, startAt, scenarios, targetOptions));
        return SegmentOptions.exitCode(segment, outcome, err);
    }
}
