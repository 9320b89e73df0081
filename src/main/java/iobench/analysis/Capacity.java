package iobench.analysis;

import iobench.scenario.RateSpec;
import iobench.scenario.RateScenario;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a rate scenario found: per step and server the figures of its repetitions, and per server
 * its capacity, the highest offered rate at which it met the SLO. In each repetition the steps
 * are read in increasing order and the capacity is the last step met before the first one
 * missed; a run where the load generator was the limit is neither (left out, with its reason).
 * When a server met the SLO at every step it ran, its capacity is only known to be at least the
 * last one, and every ratio it is in is a bound.
 *
 * @param invalidRuns one line per run left out: which, and why
 * @param baseline    what the ratios are against: the scenario summary's baseline (the plan's, else the
 *                    first server listed), or the first server with a capacity; null without an SLO
 */
public record Capacity(RateScenario scenario, List<Step> steps, List<ServerCapacity> servers, List<String> invalidRuns,
                       Contender baseline) {

    /** One server at one offered rate, over the repetitions (valid runs only, when there are any). */
    public record Step(Contender server, int offeredRps, int runs, int validRuns, Stat achievedRps, Stat p50Ms,
                       Stat p99Ms, Stat uncorrectedP99Ms, double errorRate, Stat lagP99Ms, int dropped,
                       int peakInFlight, int neededInFlight, int sloMet) {
    }

    /**
     * @param perRepetition capacity in requests per second, by repetition (index 0 is repetition 1):
     *                      0 when even the first step was missed, NaN when no step of it was valid
     * @param atLeast       by repetition: no step was missed, so the capacity is a lower bound
     * @param vsBaseline    this capacity over the baseline's, paired by repetition; null for the
     *                      baseline itself
     */
    public record ServerCapacity(Contender server, double[] perRepetition, boolean[] atLeast, double median,
                                 Confidence.Interval vsBaseline, String bound) {
        /** Some repetition met the SLO at every step: the capacity is at least the median shown. */
        public boolean censored() {
            for (boolean b : atLeast) {
                if (b) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One per rate scenario of the summaries, in their order, from the runs measured. */
    public static List<Capacity> of(List<ScenarioSummary> scenarios, List<RunResult> runs) {
        List<Capacity> out = new ArrayList<>();
        for (ScenarioSummary s : scenarios) {
            if (s.scenario() instanceof RateScenario rate) {
                out.add(of(rate, runs.stream()
                        .filter(r -> !r.warmup() && r.scenario().equals(s.scenario().name()) && r.rate() != null)
                        .toList(), s.baseline()));
            }
        }
        return out;
    }

    /** @param baseline what the ratios are against where it ran; null: the first server listed that ran */
    public static Capacity of(RateScenario scenario, List<RunResult> runs, Contender baseline) {
        RateSpec spec = scenario.rate();
        List<Step> steps = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (int rate : spec.rates()) {
            for (Contender role : scenario.servers()) {
                List<RunResult> mine = runs.stream()
                        .filter(r -> r.server().equals(role) && r.rate().offeredRps() == rate).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<RunResult> valid = mine.stream().filter(r -> limit(r) == null).toList();
                mine.stream().filter(r -> limit(r) != null).forEach(r -> invalid.add(role.label() + " at " + rate
                        + "/s, repetition " + r.repetition() + ": " + limit(r)));
                List<RunResult> shown = valid.isEmpty() ? mine : valid;
                int failed = shown.stream().mapToInt(RunResult::failed).sum();
                int total = failed + shown.stream().mapToInt(RunResult::successful).sum();
                steps.add(new Step(role, rate, mine.size(), valid.size(),
                        Stat.of(shown.stream().mapToDouble(RunResult::throughputRps).toArray()),
                        Stat.of(shown.stream().mapToDouble(r -> r.latency().p50Ms()).toArray()),
                        Stat.of(shown.stream().mapToDouble(r -> r.latency().p99Ms()).toArray()),
                        Stat.of(shown.stream().mapToDouble(r -> r.rate().uncorrected().p99Ms()).toArray()),
                        total == 0 ? Double.NaN : (double) failed / total,
                        Stat.of(shown.stream().mapToDouble(r -> r.conditions().loadgenLagP99Ms()).toArray()),
                        mine.stream().mapToInt(r -> r.rate().dropped()).sum(),
                        mine.stream().mapToInt(r -> r.rate().peakInFlight()).max().orElse(0),
                        mine.get(0).rate().neededInFlight(),
                        spec.slo() == null ? 0 : (int) valid.stream().filter(r -> meets(r, spec.slo())).count()));
            }
        }
        List<ServerCapacity> alone = new ArrayList<>();
        if (spec.slo() != null) {
            int reps = runs.stream().mapToInt(RunResult::repetition).max().orElse(0);
            for (Contender role : scenario.servers()) {
                List<RunResult> mine = runs.stream().filter(r -> r.server().equals(role)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                double[] caps = new double[reps];
                boolean[] atLeast = new boolean[reps];
                for (int rep = 1; rep <= reps; rep++) {
                    int r = rep;
                    double[] c = capacity(spec, mine.stream().filter(x -> x.repetition() == r).toList());
                    caps[rep - 1] = c[0];
                    atLeast[rep - 1] = c[1] > 0;
                }
                alone.add(new ServerCapacity(role, caps, atLeast, Stat.of(caps).median(), null, ""));
            }
        }
        // The same baseline as the scenario's speedups, so that every ratio of a report reads one way.
        ServerCapacity base = alone.stream().filter(sc -> sc.server().equals(baseline)).findFirst()
                .orElse(alone.isEmpty() ? null : alone.get(0));
        List<ServerCapacity> servers = new ArrayList<>();
        for (ServerCapacity sc : alone) {
            if (sc == base) {
                servers.add(sc);
                continue;
            }
            ServerCapacity rated = new ServerCapacity(sc.server(), sc.perRepetition(), sc.atLeast(), sc.median(),
                    Confidence.ratio(sc.perRepetition(), base.perRepetition()), "");
            servers.add(new ServerCapacity(sc.server(), sc.perRepetition(), sc.atLeast(), sc.median(),
                    rated.vsBaseline(), bound(rated, base)));
        }
        return new Capacity(scenario, steps, servers, invalid, base == null ? null : base.server());
    }

    /** {capacity, 1 if no step was missed}, from one server's runs of one repetition. */
    static double[] capacity(RateSpec spec, List<RunResult> repetition) {
        double capacity = 0;
        boolean anyValid = false;
        for (int rate : spec.rates()) {
            RunResult run = repetition.stream().filter(r -> r.rate().offeredRps() == rate).findFirst().orElse(null);
            if (run == null || limit(run) != null) {
                continue;
            }
            anyValid = true;
            if (!meets(run, spec.slo())) {
                return new double[] {capacity, 0};
            }
            capacity = rate;
        }
        return anyValid ? new double[] {capacity, 1} : new double[] {Double.NaN, 0};
    }

    /** Corrected p99 and error share within the SLO. */
    static boolean meets(RunResult run, RateSpec.Slo slo) {
        int total = run.successful() + run.failed();
        return total > 0 && run.latency().p99Ms() <= slo.p99Ms() && (double) run.failed() / total <= slo.errorRate();
    }

    /** Why the generator, not the server, was the limit of this run; null when it was not. */
    static String limit(RunResult run) {
        return run.rate().generatorLimit(run.conditions(), run.delayMs());
    }

    /** "", "≥" (a lower bound), "≤" (an upper bound) or "?" (both capacities are lower bounds: no ratio). */
    private static String bound(ServerCapacity server, ServerCapacity base) {
        boolean mine = server.censored();
        boolean theirs = base.censored();
        return mine && theirs ? "?" : mine ? "≥" : theirs ? "≤" : "";
    }

    /** For tables: {@code 80}, {@code ≥ 160}, {@code < 20} (even the first step missed), or –. */
    public static String rateCell(double capacity, boolean atLeast, int lowestStep) {
        if (Double.isNaN(capacity)) {
            return "–";
        }
        if (capacity == 0) {
            return "< " + lowestStep;
        }
        return (atLeast ? "≥ " : "") + Numbers.fixed(capacity, 0);
    }

    @Override
    public String toString() {
        return scenario.name() + " " + servers.stream().map(s -> s.server().label() + "=" + Arrays.toString(
                s.perRepetition())).toList();
    }
}
