package iobench.bench;

import iobench.scenario.Progress;
import iobench.bench.segment.Pacing;
import iobench.scenario.BenchPlan;
import iobench.scenario.ProgressStep;
import iobench.scenario.Scenario;
import iobench.bench.load.ClientsRun;
import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.CpuAccounts;
import iobench.bench.metrics.ProcFs;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import iobench.scenario.Segment;
import iobench.bench.segment.SegmentRuns;
import iobench.bench.warmup.JitClock;
import iobench.bench.warmup.RefusedWarmupDelay;
import iobench.bench.warmup.SteadyState;
import iobench.bench.warmup.TimeToSteady;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupOutcome;
import iobench.bench.warmup.WarmupPhase;
import iobench.bench.warmup.WarmupShape;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a plan: per scenario, every server warmed with the scenario's shape (by default until it is
 * steady, {@link SteadyState}), then the measured repetitions with the order of the servers
 * rotating from one repetition to the next, so that drift over time (a busy neighbour) does not
 * favour one server.
 */
public final class BenchRunner {

    private final LoadClient client;
    private final Targets targets;
    private final BenchPlan plan;
    private final Progress progress;
    private final Map<Contender, CostMeter> meters;
    private final boolean loadGeneratorAlone;
    private final Map<Contender, JitClock> jitClocks;
    private CpuAccounts cpuAccounts = CpuAccounts.NONE;
    private Segment segment = Segment.WHOLE;
    private Pacing pacing = Pacing.AT_ONCE;
    private final List<WarmupOutcome> warmups = new ArrayList<>();
    /** Per server and shape (kind and strategy): the scenario after whose warm-up it was steady. */
    private final Map<Contender, Map<String, String>> steadyShapes = new HashMap<>();
    /** Per server, the first request it answered in this run. */
    private final Map<Contender, FirstRequest> firstRequests = new HashMap<>();
    /** Per named target that refused the short warm-up delay: warmed at each scenario's own delay since. */
    private final Map<Contender, RefusedWarmupDelay> refusedDelays = new HashMap<>();

    /** A server's first request: its latency (NaN if it failed) and the delay it asked for. */
    private record FirstRequest(double latencyMs, long delayMs) {
    }

    /**
     * @param meters             how to tell what each server spends during a run
     * @param loadGeneratorAlone whether this JVM runs only the load generator (servers elsewhere),
     *                           so that its own CPU time is the generator's
     * @param jitClocks          each server's JIT compilation time, for the steady-state rule; a
     *                           server without one is judged by its warm-up rounds agreeing alone
     */
    public BenchRunner(LoadClient client, Targets targets, BenchPlan plan, Progress progress,
                       Map<Contender, CostMeter> meters, boolean loadGeneratorAlone,
                       Map<Contender, JitClock> jitClocks) {
        this.client = client;
        this.jitClocks = jitClocks;
        this.targets = targets;
        this.plan = plan;
        this.progress = progress;
        this.meters = meters;
        this.loadGeneratorAlone = loadGeneratorAlone;
    }

    /** Thrown when the run cannot go on (the simulation server is gone); the runs so far are kept. */
    public static final class AbortedException extends RuntimeException {
        public AbortedException(String message) {
            super(message);
        }
    }

    private final List<RunResult> results = new ArrayList<>();

    /** How each run tells where the machine's CPU went (none by default). */
    public BenchRunner withCpuAccounts(CpuAccounts accounts) {
        this.cpuAccounts = accounts;
        return this;
    }

    /** Sends only this segment's share of every run (and warms with its share). */
    public BenchRunner withSegment(Segment share) {
        this.segment = share;
        return this;
    }

    /** When each phase begins: at once by default; on the segments' timeline for a segment of several. */
    public BenchRunner withPacing(Pacing when) {
        this.pacing = when;
        return this;
    }

    /** How every warm-up phase so far ended, in the order they ran. */
    public List<WarmupOutcome> warmups() {
        return List.copyOf(warmups);
    }

    /** Per server that answered at least once: its first request, and how long it took to become steady. */
    public List<TimeToSteady> timeToSteady() {
        List<TimeToSteady> all = new ArrayList<>();
        firstRequests.forEach((role, first) -> all.add(TimeToSteady.of(role, first.latencyMs(), first.delayMs(),
                refusedDelays.get(role), warmups)));
        return all;
    }

    /** The runs that finished so far; after an interrupt or an abort, those are what a report can show. */
    public List<RunResult> results() {
        return List.copyOf(results);
    }

    /**
     * Every run, warm-ups included (marked), in the order they ran.
     *
     * @throws InterruptedException when interrupted (Ctrl-C); the run in flight is discarded
     * @throws AbortedException     when the simulation server stops answering
     */
    public List<RunResult> run() throws InterruptedException {
        progress.begin(plan.progressSteps());
        try {
            for (Scenario scenario : plan.scenarios()) {
                // Warm-ups run under the profile too: they are meant to exercise the same paths.
                int before = results.size();
                try (SimProfileSetter ignored = SimProfileSetter.apply(client, targets.simUrl(), scenario)) {
                    runScenario(scenario);
                }
                // Failures are reported; if the sim itself is gone, the rest could only measure refusals: stop.
                if (results.subList(before, results.size()).stream().anyMatch(r -> r.failed() > 0)) {
                    checkSimulationServer(scenario);
                }
            }
        } finally {
            progress.end();
        }
        return results();
    }

    /**
     * Warm-ups, then per repetition each measured step (a staircase's steps in increasing order)
     * against every server, the servers rotating from one step to the next.
     */
    private void runScenario(Scenario scenario) throws InterruptedException {
        warm(scenario);
        List<Contender> order = new ArrayList<>(scenario.servers());
        for (int rep = 1; rep <= scenario.repetitions(); rep++) {
            for (Scenario step : scenario.measuredSteps()) {
                for (Contender role : order) {
                    if (rep == 1 && step == scenario.measuredSteps().get(0)) {
                        closingRounds(scenario, role);
                    }
                    pacing.measured(step, role, rep);
                    progress.step(ProgressStep.measured(step, role, rep));
                    runMeasured(step, role, rep);
                    pacing.ended();
                }
                order.add(order.remove(0));
            }
        }
    }

    /**
     * Every server of the scenario, warmed with the scenario's shape at the warm-up delay; a named
     * target that refused that delay at its first request, at the scenario's own.
     */
    private void warm(Scenario scenario) throws InterruptedException {
        long shortDelayMs = Math.min(scenario.delayMs(), plan.warmupDelayMs());
        for (Contender role : scenario.servers()) {
            boolean first = !firstRequests.containsKey(role);
            if (!first && plan.warmup().none()) {
                continue;
            }
            long deadlineNs = pacing.warmup(scenario, role);
            if (first) {
                firstRequest(scenario, role, shortDelayMs);
            }
            long delayMs = warmupDelayMs(scenario, role);
            if (!plan.warmup().none()) {
                warmups.add(warmPhase(scenario, role, delayMs, deadlineNs));
            }
            pacing.ended();
        }
    }

    /** The delay a server's warm-up rounds ask for: the short one, or the scenario's for a target that refused it. */
    private long warmupDelayMs(Scenario scenario, Contender role) {
        return refusedDelays.containsKey(role) ? scenario.delayMs() : Math.min(scenario.delayMs(), plan.warmupDelayMs());
    }

    /** Longest the closing rounds of one server may take ({@link #closingRounds}). */
    static final long CLOSING_MAX_MS = 15_000;

    /**
     * A server in a JVM of its own ({@code --isolate}), warmed by {@code warmup: auto} and steady,
     * is warmed again right before its first measured run of the scenario, until it is steady
     * again, as JMH measures right after its warm-up. Its CPU per call counts its own JIT, and
     * while the other servers warmed its connections idled out: the first measured run reopened
     * them, the JIT deoptimised the code it had compiled without that path, and C2's recompiling
     * was counted in that run (the cost scenario's async server: 0.39-0.51 ms per call in its
     * first run, 0.11-0.13 in the next two). Not in a segment (its phases have time slots), nor in
     * one JVM (there the JIT is not the server's to pay for).
     */
    private void closingRounds(Scenario scenario, Contender role) throws InterruptedException {
        JitClock jit = jitClocks.getOrDefault(role, JitClock.UNKNOWN);
        if (plan.warmup().mode() != Warmup.Mode.AUTO || segment.count() > 1 || !jit.ownJvm()) {
            return;
        }
        boolean warmedHere = warmups.stream().anyMatch(w -> w.server().equals(role)
                && w.scenario().equals(scenario.name()) && w.steady() && w.sharedFrom() == null && !w.closing());
        if (!warmedHere) {
            return;
        }
        long delayMs = warmupDelayMs(scenario, role);
        Warmup closing = plan.warmup().withCaps(plan.warmup().maxCalls(), Math.min(plan.warmup().maxMs(), CLOSING_MAX_MS));
        WarmupOutcome outcome = WarmupPhase.run(scenario, role, closing, jit, null,
                (shape, timeLimitMs) -> runOnce(role, () -> ClientsRun.run(client, targets.target(role), scenario,
                        delayMs, shape.concurrent(), shape.clients(), shape.requests(), timeLimitMs, 0, true)),
                step -> { }, WarmupPhase.NO_DEADLINE);
        warmups.add(outcome.asClosing());
    }

    /**
     * A server's first request in this run, at the short warm-up delay. A service may accept only
     * delays of its own range (the original Python suite's paths answer 400 below 0.1 s), so a named
     * target that fails it and then answers at the scenario's delay (which the health check probed)
     * is warmed at its scenarios' delays from here on, and the report says so. Our servers accept
     * any delay: for them a failure is only shown.
     */
    private void firstRequest(Scenario scenario, Contender role, long delayMs) throws InterruptedException {
        RunResult first = ClientsRun.run(client, targets.target(role), scenario, delayMs, 1, 1, 1, 0, true);
        if (first.failed() > 0 && !role.isBuiltIn() && delayMs < scenario.delayMs()) {
            RunResult again = ClientsRun.run(client, targets.target(role), scenario, scenario.delayMs(), 1, 1, 1, 0,
                    true);
            if (again.failed() == 0) {
                refusedDelays.put(role, RefusedWarmupDelay.of(delayMs, first, scenario.delayMs()));
                first = again;
                delayMs = scenario.delayMs();
            }
        }
        firstRequests.put(role, new FirstRequest(first.failed() == 0 ? first.latency().maxMs() : Double.NaN, delayMs));
    }

    /**
     * Warm-up rounds of one server for one scenario ({@link WarmupPhase}), each a labelled run of
     * the results, within {@code deadlineNs} when time-boxed.
     */
    private WarmupOutcome warmPhase(Scenario scenario, Contender role, long delayMs, long deadlineNs)
            throws InterruptedException {
        // Auto: a server already steady under this shape needs only a round that opens its connections.
        String shapeKey = WarmupShape.key(scenario, role);
        String sharedFrom = plan.warmup().mode() == Warmup.Mode.AUTO
                ? steadyShapes.getOrDefault(role, Map.of()).get(shapeKey) : null;
        WarmupOutcome outcome = WarmupPhase.run(scenario, role, plan.warmup(),
                jitClocks.getOrDefault(role, JitClock.UNKNOWN), sharedFrom,
                (shape, timeLimitMs) -> runOnce(role, () -> ClientsRun.run(client, targets.target(role), scenario,
                        delayMs, shape.concurrent(), SegmentRuns.warmupShare(segment, shape.clients()),
                        SegmentRuns.warmupShare(segment, shape.requests()), timeLimitMs, 0, true)),
                progress::step, deadlineNs);
        if (outcome.steady() && sharedFrom == null) {
            steadyShapes.computeIfAbsent(role, r -> new HashMap<>()).put(shapeKey, scenario.name());
        }
        return outcome;
    }

    /** One measured run (this segment's share of it), added to the results. */
    private void runMeasured(Scenario scenario, Contender role, int repetition) throws InterruptedException {
        runOnce(role, () -> SegmentRuns.measured(client, targets.target(role), scenario, repetition, segment));
    }

    /** One run with its costs and conditions, added to the results and returned. */
    private RunResult runOnce(Contender role, Callable<RunResult> run) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("bench interrupted");
        }
        CostMeter meter = meters.getOrDefault(role, CostMeter.NONE);
        long self = ProcessHandle.current().pid();
        long[] machineBefore = ProcFs.machineCpuTicks();
        long selfCpuBefore = loadGeneratorAlone ? ProcFs.processCpuNs(self) : -1;
        Map<String, Long> cpuBefore = cpuAccounts.readNs();
        long wallStartNs = System.nanoTime();
        meter.start();
        RunResult result;
        try {
            result = run.call();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RunCosts costs = meter.stop(result.calls());
        Map<String, Long> cpuAfter = cpuAccounts.readNs();
        long wallNs = System.nanoTime() - wallStartNs;
        long selfCpuAfter = loadGeneratorAlone ? ProcFs.processCpuNs(self) : -1;
        double loadgenCpuMs = selfCpuBefore < 0 || selfCpuAfter < 0 ? Double.NaN : (selfCpuAfter - selfCpuBefore) / 1e6;
        double machineBusyPct = ProcFs.busyPercent(machineBefore, ProcFs.machineCpuTicks());
        RunConditions conditions = new RunConditions(machineBusyPct, result.conditions().loadgenLagP99Ms(), loadgenCpuMs,
                CpuAccounts.sharesPct(cpuBefore, cpuAfter, wallNs, Runtime.getRuntime().availableProcessors(),
                        machineBusyPct));
        if (Thread.currentThread().isInterrupted()) {
            // Cut short by Ctrl-C: its figures are not a measurement.
            throw new InterruptedException("bench interrupted");
        }
        RunResult done = result.with(costs, conditions);
        results.add(done);
        return done;
    }

    /** After failures: is the simulation server still there? If not, nothing further can be measured. */
    private void checkSimulationServer(Scenario scenario) {
        if (targets.simUrl() == null) {
            // A run of named targets alone: no sim, and their failures are their own.
            return;
        }
        try {
            HealthCheck.ask(client, iobench.core.ServerRole.SIM.label(), targets.simUrl());
        } catch (HealthCheck.UnhealthyException e) {
            throw new AbortedException("the simulation server stopped answering during scenario '" + scenario.name()
                    + "' (" + e.getMessage() + ")");
        }
    }
}
