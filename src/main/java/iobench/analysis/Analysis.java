package iobench.analysis;

import iobench.scenario.BenchPlan;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns runs into per-scenario summaries. Warm-up runs are left out. A scenario in which any
 * server failed any call is not valid: its speedups are not computed, so a failing server can
 * never look fast.
 */
public final class Analysis {
    private Analysis() {
    }

    /** A complete run whose warm-ups left no outcomes to report ({@link Measurements#complete}). */
    public static BenchReport analyse(BenchPlan plan, List<RunResult> allRuns, Environment environment,
                                      ModelParams model) {
        return analyse(plan, Measurements.complete(allRuns, plan.warmup()), environment, model);
    }

    /** The report of everything {@code measured}, complete: nothing is added to it later. */
    public static BenchReport analyse(BenchPlan plan, Measurements measured, Environment environment,
                                      ModelParams model) {
        List<RunResult> runs = measured.runs().stream().filter(r -> !r.warmup()).toList();
        List<ScenarioSummary> summaries = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            List<RunResult> mine = runs.stream().filter(r -> r.scenario().equals(scenario.name())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            summaries.add(summarise(scenario, mine, model, plan.baseline()));
        }
        List<RunResult> warmups = measured.runs().stream().filter(RunResult::warmup).toList();
        // Thresholds and capacities are judged on the runs' own figures, before notValid marks a scenario.
        List<ThresholdCheck> thresholds = ThresholdCheck.check(plan, summaries);
        List<Capacity> capacities = Capacity.of(summaries, runs);
        List<ScenarioSummary> marked = summaries.stream()
                .map(s -> notValid(s, measured.notValid().getOrDefault(s.scenario().name(), List.of()))).toList();
        return new BenchReport(environment, model, marked, runs, measured.incompleteReason(), warmups, thresholds,
                measured.warmupPhases(), measured.timeToSteady(), measured.warmupCaps(), capacities);
    }

    /**
     * The scenario marked not valid for {@code reasons} (none: as it is), its speedups dropped as
     * those of any invalid scenario; its verdict words stay those of its runs' figures.
     */
    private static ScenarioSummary notValid(ScenarioSummary s, List<String> reasons) {
        if (reasons.isEmpty()) {
            return s;
        }
        String reason = (s.invalidReason() == null ? "" : s.invalidReason() + "; ") + String.join("; ", reasons);
        List<Comparison> comparisons = s.comparisons().stream().map(c -> new Comparison(c.server(), Double.NaN,
                c.modelSpeedup(), c.verdict(), Comparison.NO_INTERVAL)).toList();
        return new ScenarioSummary(s.scenario(), s.servers(), comparisons, reason, s.baseline());
    }

    /**
     * @param baseline what speedups are measured against where it ran; null: the first server of the
     *                 scenario's list (sync for our servers alone, which the list puts first)
     */
    static ScenarioSummary summarise(Scenario scenario, List<RunResult> runs, ModelParams model, Contender baseline) {
        List<ServerStats> stats = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Contender role : scenario.servers()) {
            List<RunResult> mine = runs.stream().filter(r -> r.server().equals(role)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            ServerStats s = stats(scenario, role, mine, model);
            stats.add(s);
            // A rate staircase is meant to find where a server fails: its SLO judges that (Capacity).
            if (s.failed() > 0 && !(scenario instanceof RateScenario)) {
                problems.add(role.label() + ": " + s.failed() + " failed (" + describe(s.errors()) + ")");
            }
            if (mine.size() < scenario.repetitions() * scenario.steps()) {
                problems.add(role.label() + ": only " + mine.size() + " of " + scenario.repetitions() * scenario.steps()
                        + (scenario.steps() > 1 ? " runs" : " repetitions") + " ran");
            }
        }
        // The baseline where it ran; else the first server listed that ran (the table says so).
        Contender wanted = baseline != null ? baseline : scenario.servers().get(0);
        ServerStats base = stats.stream().filter(s -> s.server().equals(wanted)).findFirst()
                .orElse(stats.isEmpty() ? null : stats.get(0));
        String invalid = problems.isEmpty() ? null : String.join("; ", problems);
        List<Comparison> comparisons = new ArrayList<>();
        Faster faster = faster(scenario);
        for (ServerStats s : stats) {
            if (s == base || faster == null) {
                continue;
            }
            double speedup = invalid != null ? Double.NaN : measuredSpeedup(faster, base, s);
            Confidence.Interval interval = invalid != null ? Comparison.NO_INTERVAL
                    : pairedRatio(faster, runs, base.server(), s.server());
            comparisons.add(new Comparison(s.server(), speedup,
                    Model.speedup(scenario, s.server(), model) / Model.speedup(scenario, base.server(), model),
                    Comparison.verdict(speedup), interval));
        }
        return new ScenarioSummary(scenario, stats, comparisons, invalid, base == null ? null : base.server());
    }

    /** What makes a server faster than the baseline: a shorter duration, or a higher throughput. */
    private enum Faster { SHORTER_DURATION, HIGHER_THROUGHPUT }

    /** How a scenario's servers are compared; null for a rate scenario, compared by capacity (Capacity) instead. */
    private static Faster faster(Scenario scenario) {
        return switch (scenario) {
            case FanOutScenario f -> Faster.SHORTER_DURATION;
            case ClientsScenario c -> Faster.HIGHER_THROUGHPUT;
            case RateScenario r -> null;
        };
    }

    private static double measuredSpeedup(Faster faster, ServerStats base, ServerStats other) {
        double value = faster == Faster.SHORTER_DURATION ? base.durationS().median() / other.durationS().median()
                : other.throughputRps().median() / base.throughputRps().median();
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * The speedup per repetition, paired by repetition number (the servers of one repetition ran
     * back to back): fan-out sync duration_i / other duration_i, clients other throughput_i / sync
     * throughput_i; a repetition only one of the two has is left out.
     */
    private static Confidence.Interval pairedRatio(Faster faster, List<RunResult> runs, Contender sync, Contender other) {
        Map<Integer, RunResult> base = new TreeMap<>();
        Map<Integer, RunResult> mine = new TreeMap<>();
        for (RunResult r : runs) {
            if (r.server().equals(sync)) {
                base.put(r.repetition(), r);
            } else if (r.server().equals(other)) {
                mine.put(r.repetition(), r);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        base.forEach((rep, b) -> {
            RunResult o = mine.get(rep);
            if (o != null) {
                pairs.add(faster == Faster.SHORTER_DURATION ? new double[] {b.durationS(), o.durationS()}
                        : new double[] {o.throughputRps(), b.throughputRps()});
            }
        });
        return Confidence.ratio(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static ServerStats stats(Scenario scenario, Contender role, List<RunResult> runs, ModelParams model) {
        int successful = runs.stream().mapToInt(RunResult::successful).sum();
        int failed = runs.stream().mapToInt(RunResult::failed).sum();
        Map<String, Integer> errors = new TreeMap<>();
        runs.forEach(r -> r.errors().forEach((k, v) -> errors.merge(k, v, Integer::sum)));
        Map<String, String> samples = new TreeMap<>();
        runs.stream().sorted(java.util.Comparator.comparingInt(RunResult::repetition))
                .forEach(r -> r.errorSamples().forEach(samples::putIfAbsent));
        Stat duration = Stat.of(runs.stream().mapToDouble(RunResult::durationS).toArray());
        double modelS = Model.predictedDurationS(scenario, role, model);
        double cpuMax = runs.stream().mapToDouble(r -> r.conditions().machineCpuPct()).filter(v -> !Double.isNaN(v))
                .max().orElse(Double.NaN);
        double lagMax = runs.stream().mapToDouble(r -> r.conditions().loadgenLagP99Ms()).filter(v -> !Double.isNaN(v))
                .max().orElse(Double.NaN);
        return new ServerStats(role, runs.size(), duration,
                Stat.of(runs.stream().mapToDouble(RunResult::throughputRps).toArray()),
                Stat.of(runs.stream().mapToDouble(r -> r.latency().p50Ms()).toArray()),
                Stat.of(runs.stream().mapToDouble(r -> r.latency().p99Ms()).toArray()),
                successful + failed == 0 ? 0.0 : (double) successful / (successful + failed),
                failed, errors, samples, modelS, CostSummary.of(runs), cpuMax, lagMax,
                ModelCheck.note(scenario, modelS, duration.median(), cpuMax, lagMax),
                runs.stream().mapToInt(RunResult::staleRetries).sum());
    }

    public static String describe(Map<String, Integer> errors) {
        List<String> parts = new ArrayList<>();
        errors.forEach((kind, count) -> parts.add(kind + " " + count));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
