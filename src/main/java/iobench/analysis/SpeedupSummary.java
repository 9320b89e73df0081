package iobench.analysis;

import iobench.scenario.ScenarioKind;
import iobench.bench.contender.Contender;
import java.util.List;

/** Mean, min and max speedup of one server over the baseline across the valid scenarios of a suite. */
public record SpeedupSummary(int valid, int total, double mean, double min, double max, double modelMean,
                      int significant) {

    /** @param kind a suite, or null for all scenarios */
    public static SpeedupSummary of(BenchReport report, Contender role, ScenarioKind kind) {
        List<Comparison> all = report.scenarios().stream()
                .filter(s -> kind == null || s.scenario().kind() == kind)
                .flatMap(s -> s.comparisons().stream())
                .filter(c -> c.server().equals(role))
                .toList();
        List<Comparison> valid = all.stream().filter(c -> !Double.isNaN(c.speedup())).toList();
        double[] speedups = valid.stream().mapToDouble(Comparison::speedup).toArray();
        double[] models = valid.stream().mapToDouble(Comparison::modelSpeedup).filter(m -> !Double.isNaN(m)).toArray();
        return new SpeedupSummary(valid.size(), all.size(),
                mean(speedups),
                speedups.length == 0 ? Double.NaN : java.util.Arrays.stream(speedups).min().getAsDouble(),
                speedups.length == 0 ? Double.NaN : java.util.Arrays.stream(speedups).max().getAsDouble(),
                mean(models),
                (int) valid.stream().filter(c -> c.interval().significant()).count());
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).average().getAsDouble();
    }

    public static String decision(double meanSpeedup) {
        if (Double.isNaN(meanSpeedup)) {
            return "no valid scenario";
        }
        if (meanSpeedup < 2) {
            return "evaluate case by case";
        }
        if (meanSpeedup < 5) {
            return "plan a gradual migration";
        }
        if (meanSpeedup <= 10) {
            return "prioritise the migration";
        }
        return "migrate critical endpoints now";
    }

    /**
     * What the report says of the server after its name (which it prints in bold): ": no valid
     * scenario..." or " was on average ...".
     *
     * @param baseline what the speedups are against, as "How to read this" names it: "sync", a
     *                 server's label, or "baseline" where the scenarios' baselines differ
     */
    public String sentence(Contender role, ModelParams model, String baseline) {
        if (valid == 0) {
            return ": no valid scenario, so no speedup can be stated; see the errors above.";
        }
        String figures = " was on average " + Numbers.times(mean) + " "
                + (baseline.equals("sync") ? "the sync server" : baseline.equals("baseline")
                        ? "its scenarios' baselines" : baseline)
                + " (range " + Numbers.times(min) + " to " + Numbers.times(max) + " over " + valid + " valid scenario"
                + (valid == 1 ? "" : "s") + "; the model expects " + Numbers.times(modelMean) + "). ";
        // Why a server gains is told against our sync server's pool; against another baseline the figures speak.
        if (!baseline.equals("sync")) {
            return figures + "Decision by the original matrix: " + decision(mean) + ".";
        }
        return figures
                + (role.equals(Contender.VIRTUAL)
                ? "Virtual threads gain where requests wait in line for one of the pool's " + model.syncThreads()
                + " threads (many clients); blocking code that makes its calls one after another is no faster on "
                + "them (sequential fan-out stays near 1x) unless it sends the calls in parallel. "
                : "The gain comes from waiting for many calls at once: sequential fan-out code waits for its "
                + "calls one after another, and a pool of " + model.syncThreads() + " threads serves more clients "
                + "than that in waves of one delay. Where nothing waits in line (one call, or no more clients than "
                + "threads) it is near 1x. ")
                + "Decision by the original matrix: " + decision(mean) + ".";
    }
}
