package iobench.bench;

import iobench.bench.load.ClientsRun;
import iobench.bench.load.FanOutRun;
import iobench.bench.load.LoadClient;
import iobench.bench.load.RateRun;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.ProcFs;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan: per scenario, warm-up runs of every server, then the measured repetitions with
 * the order of the servers rotating from one repetition to the next, so that drift over time
 * (a warming JIT, a busy neighbour) does not favour one server.
 */
public final class BenchRunner {
    /** What the console shows while a run goes on. */
    public interface Progress {
        void begin(int totalRuns);

        void step(String label);

        void end();

        Progress NONE = new Progress() {
            @Override
            public void begin(int totalRuns) {
            }

            @Override
            public void step(String label) {
            }

            @Override
            public void end() {
            }
        };
    }

    private final LoadClient client;
    private final Targets targets;
    private final BenchPlan plan;
    private final Progress progress;
    private final Map<ServerRole, CostMeter> meters;
    private final boolean loadGeneratorAlone;

    public BenchRunner(LoadClient client, Targets targets, BenchPlan plan, Progress progress) {
        this(client, targets, plan, progress, Map.of(), false);
    }

    /**
     * @param meters             how to tell what each server spends during a run
     * @param loadGeneratorAlone whether this JVM runs only the load generator (servers elsewhere),
     *                           so that its own CPU time is the generator's
     */
    public BenchRunner(LoadClient client, Targets targets, BenchPlan plan, Progress progress,
                       Map<ServerRole, CostMeter> meters, boolean loadGeneratorAlone) {
        this.client = client;
        this.targets = targets;
        this.plan = plan;
        this.progress = progress;
        this.meters = meters;
        this.loadGeneratorAlone = loadGeneratorAlone;
    }

    public static int totalRuns(BenchPlan plan) {
        return plan.scenarios().stream()
                .mapToInt(s -> s.servers().size() * (plan.warmupRuns() + s.repetitions() * s.steps()))
                .sum();
    }

    /** Thrown when the run cannot go on (the simulation server is gone); the runs so far are kept. */
    public static final class AbortedException extends RuntimeException {
        public AbortedException(String message) {
            super(message);
        }
    }

    private final List<RunResult> results = new ArrayList<>();

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
        progress.begin(totalRuns(plan));
        try {
            for (Scenario scenario : plan.scenarios()) {
                // Warm-ups run under the profile too: they are meant to exercise the same paths.
                int before = results.size();
                try (SimProfileSetter ignored = SimProfileSetter.apply(client, targets.simUrl(), scenario)) {
                    runScenario(scenario);
                }
                // A scenario with failures is finished and reported; if the sim itself is gone,
                // the scenarios after it could only measure refusals, so the run stops here.
                if (results.subList(before, results.size()).stream().anyMatch(r -> r.failed() > 0)) {
                    checkSimulationServer(scenario);
                }
            }
        } finally {
            progress.end();
        }
        return results();
    }

    private void runScenario(Scenario scenario) throws InterruptedException {
        if (scenario.kind() == ScenarioKind.RATE) {
            runStaircase(scenario);
            return;
        }
        long warmupDelayMs = Math.min(scenario.delayMs(), plan.warmupDelayMs());
        for (ServerRole role : scenario.servers()) {
            for (int w = 1; w <= plan.warmupRuns(); w++) {
                progress.step(scenario.name() + " " + role.label() + " warm-up " + w + "/" + plan.warmupRuns());
                runOnce(scenario, role, warmupDelayMs, 0, true);
            }
        }
        List<ServerRole> order = new ArrayList<>(scenario.servers());
        for (int rep = 1; rep <= scenario.repetitions(); rep++) {
            for (ServerRole role : order) {
                progress.step(scenario.name() + " " + role.label() + " rep " + rep + "/" + scenario.repetitions());
                runOnce(scenario, role, scenario.delayMs(), rep, false);
            }
            order.add(order.remove(0));
        }
    }

    /** Longest a rate warm-up sends: enough to open the connections and warm the JIT, not a measurement. */
    static final long RATE_WARMUP_MS = 1_000;

    /**
     * A rate scenario: warm-ups at its first step, then per repetition every step in increasing
     * order, the servers rotating from one step to the next.
     */
    private void runStaircase(Scenario scenario) throws InterruptedException {
        long warmupDelayMs = Math.min(scenario.delayMs(), plan.warmupDelayMs());
        RateSpec spec = scenario.rate();
        Scenario warmupStep = scenario.atRate(spec.rates().get(0), Math.min(spec.durationMs(), RATE_WARMUP_MS));
        for (ServerRole role : scenario.servers()) {
            for (int w = 1; w <= plan.warmupRuns(); w++) {
                progress.step(scenario.name() + " " + role.label() + " warm-up " + w + "/" + plan.warmupRuns());
                runOnce(warmupStep, role, warmupDelayMs, 0, true);
            }
        }
        List<ServerRole> order = new ArrayList<>(scenario.servers());
        for (int rep = 1; rep <= scenario.repetitions(); rep++) {
            for (int rate : spec.rates()) {
                for (ServerRole role : order) {
                    progress.step(scenario.name() + " " + role.label() + " " + rate + "/s rep " + rep + "/"
                            + scenario.repetitions());
                    runOnce(scenario.atRate(rate, spec.durationMs()), role, scenario.delayMs(), rep, false);
                }
                order.add(order.remove(0));
            }
        }
    }

    /** One run, added to the results. */
    private void runOnce(Scenario scenario, ServerRole role, long delayMs, int repetition, boolean warmup)
            throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("bench interrupted");
        }
        var base = targets.of(role);
        CostMeter meter = meters.getOrDefault(role, CostMeter.NONE);
        long self = ProcessHandle.current().pid();
        long[] machineBefore = ProcFs.machineCpuTicks();
        long selfCpuBefore = loadGeneratorAlone ? ProcFs.processCpuNs(self) : -1;
        meter.start();
        RunResult result = switch (scenario.kind()) {
            case FAN_OUT -> FanOutRun.run(client, base, role, scenario, delayMs, repetition, warmup);
            case CLIENTS -> ClientsRun.run(client, base, role, scenario, delayMs, repetition, warmup);
            case RATE -> RateRun.run(client, base, role, scenario, delayMs, repetition, warmup);
        };
        RunCosts costs = meter.stop(result.calls());
        long selfCpuAfter = loadGeneratorAlone ? ProcFs.processCpuNs(self) : -1;
        double loadgenCpuMs = selfCpuBefore < 0 || selfCpuAfter < 0 ? Double.NaN : (selfCpuAfter - selfCpuBefore) / 1e6;
        RunConditions conditions = new RunConditions(ProcFs.busyPercent(machineBefore, ProcFs.machineCpuTicks()),
                result.conditions().loadgenLagP99Ms(), loadgenCpuMs);
        if (Thread.currentThread().isInterrupted()) {
            // Cut short by Ctrl-C: its figures are not a measurement.
            throw new InterruptedException("bench interrupted");
        }
        results.add(result.with(costs, conditions));
    }

    /** After failures: is the simulation server still there? If not, nothing further can be measured. */
    private void checkSimulationServer(Scenario scenario) {
        try {
            HealthCheck.ask(client, "sim", targets.simUrl());
        } catch (HealthCheck.UnhealthyException e) {
            throw new AbortedException("the simulation server stopped answering during scenario '" + scenario.name()
                    + "' (" + e.getMessage() + ")");
        }
    }
}
