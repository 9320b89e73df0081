package iobench.run;

import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.scenario.BenchPlan;
import iobench.scenario.Progress;
import iobench.bench.BenchRunner;
import iobench.bench.ChildServers;
import iobench.bench.EmbeddedServers;
import iobench.bench.HealthCheck;
import iobench.bench.ServerSet;
import iobench.bench.Targets;
import iobench.bench.contender.Contender;
import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.PhaseTiming;
import iobench.bench.segment.RunModel;
import iobench.bench.segment.RunStarts;
import iobench.scenario.Segment;
import iobench.bench.segment.SegmentRuns;
import iobench.bench.segment.StartAt;
import iobench.bench.segment.Timeline;
import iobench.bench.warmup.JitClock;
import iobench.config.ServerSettings;
import iobench.http.CgroupLimits;
import iobench.http.HealthAnswer;
import iobench.core.ServerRole;
import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Measurements;
import iobench.analysis.Model;
import iobench.analysis.ModelParams;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bench run, from the servers to the analysed report: starts the servers the plan needs and
 * the user did not give (in this JVM or, isolated, each in its own), checks every server's health,
 * wires meters and JIT clocks, runs the plan until its end or a stop signal, and analyses what ran.
 */
public final class BenchSession {
    /**
     * @param stoppedBy the signal that stopped the run (SIGINT...), or null
     * @param elapsedS  from the first scenario to the last run's end
     * @param loadStartEpochMs when the load began (after the health checks and any --start-at wait)
     * @param runStarts        when each measured run began, for a segment's runs.json
     * @param phases           a segment's timeline ({@link Timeline}): every phase's slot and when it ran; else empty
     */
    public record Outcome(BenchReport report, String stoppedBy, double elapsedS, long loadStartEpochMs,
                          RunStarts runStarts, List<PhaseTiming> phases) {
        /** A stopped run: interrupted; cut short otherwise: failed; a complete one: {@link ReportVerdict#exitCode}. */
        public int exitCode() {
            if (!report.complete()) {
                return stoppedBy != null ? ExitCodes.INTERRUPTED : ExitCodes.FAILED;
            }
            return ReportVerdict.exitCode(report);
        }
    }

    /**
     * @param config   the settings file, for the servers' own JVMs when isolated; or null
     * @param external the compared servers already running elsewhere, by role
     * @param simUrl   the simulation server running elsewhere, or null to start one
     * @param isolate  each server in a JVM of its own, instead of all in this one
     * @param segment  the share of every run this process sends ({@link Segment#WHOLE}: all of it)
     * @param startAt  when the load begins, or null: at once
     */
    public record Setup(ServerSettings settings, Path config, Map<ServerRole, URI> external, URI simUrl,
                        boolean isolate, String commandLine, Segment segment, StartAt startAt) {
    }

    private final Setup setup;
    private final PrintWriter err;
    private final Progress progress;

    /** @param progress told of every run as it begins (the console's progress bar) */
    public BenchSession(Setup setup, PrintWriter err, Progress progress) {
        this.setup = setup;
        this.err = err;
        this.progress = progress;
    }

    public Outcome run(BenchPlan plan) throws Exception {
        ServerSettings settings = setup.settings();
        Set<ServerRole> needed = EnumSet.noneOf(ServerRole.class);
        plan.scenarios().forEach(s -> s.servers().stream().filter(Contender::isBuiltIn)
                .forEach(c -> needed.add(c.builtIn())));
        Set<ServerRole> embedded = EnumSet.noneOf(ServerRole.class);
        needed.stream().filter(r -> !setup.external().containsKey(r)).forEach(embedded::add);
        String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        // Named targets alone need no sim: none is started (one given by --sim-url is still checked).
        boolean simNeeded = plan.needsSim();
        try (ServerSet servers = setup.isolate()
                ? new ChildServers(settings, setup.config(), setup.simUrl(), embedded, simNeeded)
                : new EmbeddedServers(settings, setup.simUrl(), embedded, simNeeded);
             // Our servers close idle connections after idle-timeout-s; the generator lets go first.
             LoadClient client = new LoadClient(settings.pooledConnectionIdleMs(), setup.segment())) {
            Map<ServerRole, URI> urls = new EnumMap<>(ServerRole.class);
            urls.putAll(servers.targets().servers());
            setup.external().forEach((role, uri) -> {
                if (needed.contains(role)) {
                    urls.put(role, uri);
                }
            });
            Targets targets = new Targets(servers.targets().simUrl(), urls, plan.targets());
            List<String> described = describe(servers, plan);

            Map<ServerRole, HealthAnswer> health = HealthCheck.check(client, targets);
            HealthCheck.checkNamed(client, plan);
            described.addAll(limits(health));
            ModelParams model = modelParams(health.get(ServerRole.SYNC), settings, plan);
            err.printf("Running %d scenarios (%d runs) from %s%n", plan.scenarios().size(), plan.measuredRuns(),
                    plan.source());
            SegmentRuns.idle(plan.scenarios(), setup.segment()).forEach(err::println);
            err.flush();
            Measured measured = measure(plan, servers, client, targets, embedded, model);

            BenchReport report = Analysis.analyse(plan, new Measurements(measured.results(), plan.warmup(),
                            measured.runner().warmups(), measured.runner().timeToSteady(), measured.incomplete(),
                            Map.of()), RunEnvironment.of(plan, startedAt, setup, described), model);
            return new Outcome(report, measured.stoppedBy(), measured.elapsedS(), measured.loadStartEpochMs(),
                    measured.runStarts(), measured.timeline() == null ? List.of() : measured.timeline().phases());
        } catch (HealthCheck.UnhealthyException e) {
            throw new ExitException(ExitCodes.CANNOT_RUN, e.getMessage());
        }
    }

    /** What the runner measured; {@code incomplete} says why it stopped early, or is null. */
    private record Measured(BenchRunner runner, List<RunResult> results, String incomplete, String stoppedBy,
                            double elapsedS, long loadStartEpochMs, RunStarts runStarts, Timeline timeline) {
    }

    /** Runs the plan, metered, until its end, an abort or a stop signal; keeps what finished. */
    private Measured measure(BenchPlan plan, ServerSet servers, LoadClient client, Targets targets,
                             Set<ServerRole> embedded, ModelParams model) {
        boolean isolate = setup.isolate();
        long startNs = System.nanoTime();
        Map<Contender, CostMeter> meters = new HashMap<>();
        embedded.forEach(role -> meters.put(Contender.of(role), servers.meter(role, client)));
        // With --isolate this JVM runs the load generator alone (an external sim is elsewhere too).
        boolean loadGeneratorAlone = isolate;
        // The warm-up rule watches each server's JIT: this JVM's for embedded servers, /stats for the others.
        Map<Contender, JitClock> jitClocks = new HashMap<>();
        targets.servers().forEach((role, uri) -> jitClocks.put(Contender.of(role), embedded.contains(role) && !isolate
                ? JitClock.thisJvm() : JitClock.fromStats(client, uri)));
        RunStarts runStarts = new RunStarts(progress);
        BenchRunner runner = new BenchRunner(client, targets, plan, runStarts, meters, loadGeneratorAlone, jitClocks)
                .withCpuAccounts(servers.cpuAccounts()).withSegment(setup.segment());
        long loadStartEpochMs = System.currentTimeMillis();
        Timeline timeline = null;
        List<RunResult> results;
        String incomplete = null;
        String stoppedBy = null;
        try (StopSignals stop = StopSignals.install(err, () -> {
            client.cancelAll();
            servers.cancelInFlight();
        })) {
            try {
                if (!setup.segment().whole()) {
                    // Every segment's phases in the same slots, from the start time they were all given.
                    long originMs = setup.startAt() != null ? setup.startAt().instant().toEpochMilli()
                            : System.currentTimeMillis();
                    RunModel slots = Model.forSlots(model);
                    timeline = new Timeline(originMs, plan, slots);
                    runner.withPacing(timeline);
                    SegmentTimelines.planned(setup.segment(), originMs, Timeline.plannedMs(plan, slots), err);
                }
                if (setup.startAt() != null) {
                    String late = setup.startAt().lateWarning(java.time.Instant.now());
                    err.println(late != null ? "iobench: " + late : "Waiting until " + setup.startAt().instant()
                            + " (--start-at " + setup.startAt().given() + ")");
                    err.flush();
                    setup.startAt().await();
                }
                loadStartEpochMs = System.currentTimeMillis();
                startNs = System.nanoTime();
                results = runner.run();
            } catch (InterruptedException e) {
                // Ctrl-C or SIGTERM: keep what finished and write it down.
                Thread.interrupted();
                results = runner.results();
                stoppedBy = stop.signalName();
                // Measured runs only: how many warm-up rounds auto takes is not known in advance.
                incomplete = "stopped by " + stoppedBy + " after " + results.stream().filter(r -> !r.warmup()).count()
                        + " of " + plan.measuredRuns() + " runs";
            } catch (BenchRunner.AbortedException e) {
                results = runner.results();
                incomplete = e.getMessage();
            }
        } finally {
            meters.values().forEach(CostMeter::close);
        }
        if (timeline != null) {
            SegmentTimelines.overruns(setup.segment(), timeline, err);
        }
        return new Measured(runner, results, incomplete, stoppedBy, (System.nanoTime() - startNs) / 1e9,
                loadStartEpochMs, runStarts, timeline);
    }

    /** Every server of the run, one line each, printed now and kept for the report. */
    private List<String> describe(ServerSet servers, BenchPlan plan) {
        List<String> described = new ArrayList<>(servers.descriptions());
        setup.external().forEach((role, uri) -> described.add(role.label() + " at " + uri + " (external)"));
        if (setup.simUrl() != null) {
            described.add("sim at " + setup.simUrl() + " (external)");
        }
        plan.targets().forEach(t -> described.add(t.name() + ": " + t.request().describe() + " " + t.url().text()));
        described.forEach(line -> err.println("  " + line));
        err.flush();
        return described;
    }

    /**
     * The CPU and memory limits of the cgroups the run went through, one line each where set:
     * this bench's own (which embedded and --isolate servers share) and each external server's
     * from its /health (compose's cpus: and mem_limit). Printed now and kept for the report.
     */
    private List<String> limits(Map<ServerRole, HealthAnswer> health) {
        List<String> lines = new ArrayList<>();
        CgroupLimits own = CgroupLimits.ofThisProcess();
        if (own.any()) {
            lines.add("bench (load generator" + (setup.isolate() ? " and the servers it started" : " and its servers")
                    + "): cgroup limits " + own.describe());
        }
        health.forEach((role, answer) -> {
            boolean external = role == ServerRole.SIM ? setup.simUrl() != null : setup.external().containsKey(role);
            CgroupLimits limits = answer.cgroupLimits();
            if (external && limits.any()) {
                lines.add(role.label() + " (external): cgroup limits " + limits.describe());
            }
        });
        lines.forEach(line -> err.println("  " + line));
        err.flush();
        return lines;
    }

    /** The sync server's limits from its own /health, so the model is right for external servers too. */
    private static ModelParams modelParams(HealthAnswer sync, ServerSettings settings, BenchPlan plan) {
        if (sync == null) {
            return ModelParams.of(settings.syncThreads(), settings.fanoutThreads(), plan.targets());
        }
        return ModelParams.of(sync.threadsOr(settings.syncThreads()), sync.fanoutThreadsOr(settings.fanoutThreads()),
                plan.targets());
    }
}
