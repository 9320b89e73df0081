package iobench.analysis;

import iobench.scenario.BenchPlan;
import iobench.scenario.Thresholds;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;

/**
 * One threshold of the scenario file checked against one server of one scenario.
 *
 * @param threshold speedup-min, p99-max or error-rate-max, as the scenario file spells it
 * @param value     the measured figure (speedup point, p99 ms, error fraction); NaN when there is
 *                  none (a scenario that is not valid has no speedup), which breaks the threshold
 */
public record ThresholdCheck(String scenario, Contender server, String threshold, double value, double limit,
                             boolean met) {

    /**
     * Every threshold of the plan against the report's figures: speedup-min against each non-sync
     * server's speedup point (the figure the report shows), p99-max against each server's median
     * p99, error-rate-max against each server's failed / (successful + failed).
     */
    public static List<ThresholdCheck> check(BenchPlan plan, List<ScenarioSummary> scenarios) {
        List<ThresholdCheck> checks = new ArrayList<>();
        for (ScenarioSummary s : scenarios) {
            if (s.scenario() instanceof iobench.scenario.RateScenario) {
                // A staircase overloads some steps on purpose; its gate is its `slo` (the capacity).
                continue;
            }
            String name = s.scenario().name();
            Thresholds t = plan.thresholdsOf(name);
            if (!Double.isNaN(t.speedupMin())) {
                for (Comparison c : s.comparisons()) {
                    checks.add(new ThresholdCheck(name, c.server(), "speedup-min", c.speedup(), t.speedupMin(),
                            c.speedup() >= t.speedupMin()));
                }
            }
            for (ServerStats st : s.servers()) {
                if (!Double.isNaN(t.p99MaxMs())) {
                    double p99 = st.p99Ms().median();
                    checks.add(new ThresholdCheck(name, st.server(), "p99-max", p99, t.p99MaxMs(), p99 <= t.p99MaxMs()));
                }
                if (!Double.isNaN(t.errorRateMax())) {
                    double rate = 1 - st.successRate();
                    checks.add(new ThresholdCheck(name, st.server(), "error-rate-max", rate, t.errorRateMax(),
                            rate <= t.errorRateMax()));
                }
            }
        }
        return checks;
    }

    /** The figure as the report writes it: {@code 1.95x}, {@code 612.0 ms}, {@code 2.50 %}. */
    public String format(double figure) {
        if (Double.isNaN(figure)) {
            return "not valid";
        }
        return switch (threshold) {
            case "speedup-min" -> Numbers.times(figure);
            case "p99-max" -> Numbers.fixed(figure, 1) + " ms";
            default -> Numbers.fixed(figure * 100, 2) + " %";
        };
    }

    /** {@code fan-seq, async: speedup-min 1.95x < 2.00x}. */
    public String sentence() {
        String relation = met ? (threshold.equals("speedup-min") ? ">=" : "<=")
                : (threshold.equals("speedup-min") ? "<" : ">");
        return scenario + ", " + server.label() + ": " + threshold + " " + format(value) + " " + relation + " "
                + format(limit);
    }
}
