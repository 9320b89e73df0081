package iobench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.bench.BenchPlan;
import iobench.bench.BenchRunner;
import iobench.bench.ChildServers;
import iobench.bench.EmbeddedServers;
import iobench.bench.HealthCheck;
import iobench.bench.Scenario;
import iobench.bench.ScenarioFileException;
import iobench.bench.ScenarioFileParser;
import iobench.bench.ServerSet;
import iobench.bench.Targets;
import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.RunResult;
import iobench.bench.warmup.JitClock;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.ServerRole;
import iobench.report.Analysis;
import iobench.report.BenchReport;
import iobench.report.ConsoleSummary;
import iobench.report.CsvReport;
import iobench.report.Environment;
import iobench.report.HlogFiles;
import iobench.report.MarkdownReport;
import iobench.report.ModelParams;
import iobench.report.ReportDirectory;
import iobench.report.ReportFiles;
import iobench.report.RunComparison;
import iobench.report.SummaryJson;
import iobench.report.charts.Chart;
import iobench.report.charts.ChartWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Start the servers in this JVM (or use the URLs given), run every scenario of the scenario "
                + "file and write report.md, report.html, results.csv, summary.json and hlog/*.hlog.",
        footerHeading = "%n",
        footer = {"Examples:",
            "  iobench bench                                   scenarios.yaml, embedded servers",
            "  iobench bench --scenarios my.yaml --out reports/today",
            "  iobench bench --baseline reports/yesterday      append what changed since then",
            "  iobench bench --sim-url http://sim:8001 --sync-url http://sync:8002 --async-url http://async:8003",
            "",
            ExitCodes.HELP_SECTION})
final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_SCENARIOS = "scenarios.yaml";

    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", paramLabel = "FILE",
            description = "The scenario file (default: ./scenarios.yaml, else the one inside the jar).")
    Path scenariosFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: reports/<yyyyMMdd-HHmmss>).")
    Path outDir;

    @Mixin
    ConfigOption config;

    @Mixin
    ServerUrlOptions urls;

    @Option(names = "--isolate",
            description = "Run each server in a JVM of its own (this jar, serve-*), so that each one's CPU time and "
                    + "memory can be read from the OS and the servers share no heap or JIT. Default: all in this JVM.")
    boolean isolate;

    @Mixin
    SyncPoolOptions syncPools;

    @Mixin
    EventLoopOptions eventLoops;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "A report directory of an earlier run: compare.md and a section of report.md set every "
                    + "figure beside it, with the change and whether it is beyond the noise.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerSettings settings = SettingsLoader.load(config.file(), System.getenv(),
                syncPools.overrides().and(eventLoops.overrides()));

        // Everything the user gave is checked before a server starts or a directory is made.
        BenchPlan plan = readPlan(settings);
        JsonNode baselineSummary = baseline == null ? null : CompareCommand.read(baseline);
        Map<ServerRole, URI> external = urls.servers();
        URI simUrl = urls.sim();
        Set<ServerRole> needed = EnumSet.noneOf(ServerRole.class);
        plan.scenarios().forEach(s -> needed.addAll(s.servers()));
        Path reportDir = outDir != null ? outDir
                : Path.of("reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw ExitException.invalidInput("--out " + reportDir + " is a file; expected a directory to write the report in");
        }
        try {
            // Before any server starts: a report that cannot be written at the end would lose the whole run.
            ReportDirectory.check(reportDir);
        } catch (ReportDirectory.NotWritableException e) {
            throw ExitException.invalidInput(e.getMessage());
        }

        Set<ServerRole> embedded = EnumSet.noneOf(ServerRole.class);
        needed.stream().filter(r -> !external.containsKey(r)).forEach(embedded::add);
        String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        try (ServerSet servers = isolate ? new ChildServers(settings, config.file(), simUrl, embedded)
                : new EmbeddedServers(settings, simUrl, embedded);
             // Our servers close idle connections after idle-timeout-s; the generator lets go first.
             LoadClient client = new LoadClient(settings.pooledConnectionIdleMs())) {
            Map<ServerRole, URI> urls = new EnumMap<>(ServerRole.class);
            urls.putAll(servers.targets().servers());
            external.forEach((role, uri) -> {
                if (needed.contains(role)) {
                    urls.put(role, uri);
                }
            });
            Targets targets = new Targets(servers.targets().simUrl(), urls);
            List<String> described = new ArrayList<>(servers.descriptions());
            external.forEach((role, uri) -> described.add(role.label() + " at " + uri + " (external)"));
            if (simUrl != null) {
                described.add("sim at " + simUrl + " (external)");
            }
            described.forEach(line -> err.println("  " + line));
            err.flush();

            Map<ServerRole, JsonNode> health = HealthCheck.check(client, targets);
            ModelParams model = modelParams(health.get(ServerRole.SYNC), settings);
            err.printf("Running %d scenarios (%d runs) from %s%n", plan.scenarios().size(), BenchRunner.measuredRuns(plan),
                    plan.source());
            err.flush();
            long startNs = System.nanoTime();
            Map<ServerRole, CostMeter> meters = new EnumMap<>(ServerRole.class);
            embedded.forEach(role -> meters.put(role, servers.meter(role, client)));
            // With --isolate this JVM runs the load generator alone (an external sim is elsewhere too).
            boolean loadGeneratorAlone = isolate;
            // The warm-up rule watches each server's JIT: this JVM's for embedded servers, /stats for the others.
            Map<ServerRole, JitClock> jitClocks = new EnumMap<>(ServerRole.class);
            urls.forEach((role, uri) -> jitClocks.put(role, embedded.contains(role) && !isolate
                    ? JitClock.thisJvm() : JitClock.fromStats(client, uri)));
            BenchRunner runner = new BenchRunner(client, targets, plan,
                    new ConsoleProgress(err, ConsoleProgress.isTerminal()), meters, loadGeneratorAlone, jitClocks)
                    .withCpuAccounts(servers.cpuAccounts());
            List<RunResult> results;
            String incomplete = null;
            int exitIfIncomplete = ExitCodes.FAILED;
            String stoppedBy = null;
            try (StopSignals stop = StopSignals.install(err, () -> {
                client.cancelAll();
                servers.cancelInFlight();
            })) {
                try {
                    results = runner.run();
                } catch (InterruptedException e) {
                    // Ctrl-C or SIGTERM: keep what finished and write it down.
                    Thread.interrupted();
                    results = runner.results();
                    stoppedBy = stop.signalName();
                    // Measured runs only: how many warm-up rounds auto takes is not known in advance.
                    incomplete = "stopped by " + stoppedBy + " after " + results.stream().filter(r -> !r.warmup()).count()
                            + " of " + BenchRunner.measuredRuns(plan) + " runs";
                    exitIfIncomplete = ExitCodes.INTERRUPTED;
                } catch (BenchRunner.AbortedException e) {
                    results = runner.results();
                    incomplete = e.getMessage();
                }
            } finally {
                meters.values().forEach(CostMeter::close);
            }
            double elapsedS = (System.nanoTime() - startNs) / 1e9;

            Environment env = new Environment(VersionProvider.version(),
                    System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                    plan.source(), startedAt, commandLine(), described, ResidentMemory.peakDescription(isolate),
                    isolate ? "isolated: each server in its own JVM" : "in-process: servers and load generator in one JVM");
            BenchReport report = Analysis.analyse(plan, results, env, model)
                    .withWarmup(plan.warmup(), runner.warmups(), runner.timeToSteady());
            if (incomplete != null) {
                report = report.incomplete(incomplete);
                err.println("iobench: INCOMPLETE: " + incomplete + "; writing the report of what finished");
                err.flush();
            }
            // The figures reach the console first: should the directory fail now, they are not lost.
            out.println();
            out.print(ConsoleSummary.render(report));
            out.flush();
            try {
                writeReport(reportDir, report, baselineSummary, stoppedBy);
            } catch (IOException e) {
                throw new ExitException(ExitCodes.FAILED, "cannot write the report to " + reportDir + ": "
                        + ReportDirectory.reason(e) + "; the summary above is what this run measured");
            }
            if (incomplete != null) {
                // The last line says what happened: a run cut short must not read "Done".
                out.printf("%nINCOMPLETE after %.0f s: %s; report of what finished: %s, data: %s%n", elapsedS,
                        incomplete, reportDir.resolve("report.md"), reportDir.resolve("results.csv"));
            } else {
                out.printf("%nDone in %.0f s. Report: %s, data: %s%n", elapsedS, reportDir.resolve("report.md"),
                        reportDir.resolve("results.csv"));
            }
            out.flush();
            if (incomplete != null) {
                return exitIfIncomplete;
            }
            boolean allValid = report.scenarios().stream().allMatch(s -> s.valid());
            return allValid && report.brokenThresholds().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (HealthCheck.UnhealthyException e) {
            throw new ExitException(ExitCodes.CANNOT_RUN, e.getMessage());
        }
    }

    /**
     * Every report file. {@code stoppedBy} (the signal, or null): a run stopped by Ctrl-C draws no
     * charts and no page, since bench promises to end within 2 s and Java2D starting cold took 0.4 s
     * of it on an idle 2-core machine and up to 3 s on a busy one; {@code iobench report DIR} makes
     * the page later.
     */
    private void writeReport(Path reportDir, BenchReport report, JsonNode baselineSummary, String stoppedBy)
            throws IOException {
        // CSV first: if the Markdown cannot be written, the data is not lost.
        ReportFiles.write(reportDir, "results.csv", CsvReport.render(report));
        ReportFiles.write(reportDir, SummaryJson.FILE, SummaryJson.render(report));
        HlogFiles.write(report, reportDir);
        List<Chart> charts = List.of();
        String noCharts = null;
        if (stoppedBy != null) {
            noCharts = "Charts were not drawn: the run was stopped by " + stoppedBy
                    + ", and bench ends at once. results.csv and summary.json hold every figure.";
        } else {
            try {
                charts = ChartWriter.write(report, reportDir);
            } catch (IOException | RuntimeException | LinkageError e) {
                // A machine without fonts or AWT must still get its report; it says why charts are missing.
                noCharts = "Charts could not be drawn on this machine: " + e;
            }
        }
        String markdown = MarkdownReport.render(report, charts, noCharts);
        if (baselineSummary != null) {
            JsonNode current = SummaryJson.parse(SummaryJson.render(report));
            ReportFiles.write(reportDir, "compare.md", RunComparison.document(baselineSummary, current,
                    baseline.toString(), reportDir.toString()));
            markdown += RunComparison.section(baselineSummary, current, baseline.toString());
        }
        ReportFiles.write(reportDir, "report.md", markdown);
        if (stoppedBy != null) {
            return;
        }
        try {
            iobench.report.HtmlReport.write(reportDir);
            if (baselineSummary != null) {
                iobench.report.HtmlCompare.write(baseline, reportDir, baseline.toString(), reportDir.toString(),
                        reportDir.resolve(iobench.report.HtmlCompare.FILE));
            }
        } catch (IOException | RuntimeException e) {
            // The Markdown, CSV and JSON are written; a page that cannot be made must not lose them.
            spec.commandLine().getErr().println("iobench: report.html could not be written: " + e);
        }
    }

    private BenchPlan readPlan(ServerSettings settings) {
        String source;
        String text;
        try {
            if (scenariosFile != null) {
                if (!Files.isReadable(scenariosFile)) {
                    throw ExitException.invalidInput("--scenarios " + scenariosFile
                            + " cannot be read; expected a readable YAML file (see scenarios.yaml)");
                }
                source = scenariosFile.toString();
                text = Files.readString(scenariosFile, StandardCharsets.UTF_8);
            } else if (Files.isReadable(Path.of(DEFAULT_SCENARIOS))) {
                source = DEFAULT_SCENARIOS;
                text = Files.readString(Path.of(DEFAULT_SCENARIOS), StandardCharsets.UTF_8);
            } else {
                source = DEFAULT_SCENARIOS + " (inside the jar)";
                try (InputStream in = BenchCommand.class.getResourceAsStream("/" + DEFAULT_SCENARIOS)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar lacks " + DEFAULT_SCENARIOS);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw ExitException.invalidInput("the scenario file cannot be read: " + e.getMessage());
        }
        try {
            return ScenarioFileParser.parse(source, text,
                    ScenarioFileParser.Caps.of(settings.maxDelayMs(), settings.maxConcurrent()));
        } catch (ScenarioFileException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /** The sync server's limits from its own /health, so the model is right for external servers too. */
    private static ModelParams modelParams(JsonNode syncHealth, ServerSettings settings) {
        if (syncHealth == null) {
            return new ModelParams(settings.syncThreads(), settings.fanoutThreads());
        }
        return new ModelParams(syncHealth.path("threads").asInt(settings.syncThreads()),
                syncHealth.path("fanout_threads").asInt(settings.fanoutThreads()));
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "iobench " + String.join(" ", args);
    }

}
