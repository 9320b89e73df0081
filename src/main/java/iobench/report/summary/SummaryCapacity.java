package iobench.report.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import iobench.analysis.Stat;
import java.util.List;

/**
 * A rate scenario's capacity at its SLO in summary.json: per server, per repetition, and per
 * staircase step.
 *
 * @param sloP99Ms     the SLO each step was judged by, NaN without one
 * @param baseline     what the ratios are against, or null; files before baselines could be chosen left it out
 * @param runsLeftOut  the runs that were not valid
 */
public record SummaryCapacity(String scenario, double sloP99Ms, double sloErrorRate, String baseline,
                              List<Server> servers, List<Step> steps, List<String> runsLeftOut) {
    public SummaryCapacity {
        servers = Lists.of(servers);
        steps = Lists.of(steps);
        runsLeftOut = Lists.of(runsLeftOut);
    }

    /**
     * One server's capacity.
     *
     * @param capacityRpsPerRepetition by repetition: 0 when even the first step was missed, null when no
     *                                 step of it was valid
     * @param lowerBoundPerRepetition  by repetition: no step was missed, so the capacity is a lower bound
     * @param vsBaseline               this capacity over the baseline's; absent (null) for the baseline
     * @param vsSync                   the same, kept for readers of earlier files where it is true: against sync
     */
    public record Server(String server, List<Double> capacityRpsPerRepetition, List<Boolean> lowerBoundPerRepetition,
                         double capacityRpsMedian, @JsonInclude(JsonInclude.Include.NON_NULL) Ratio vsBaseline,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Ratio vsSync) {
        public Server {
            capacityRpsPerRepetition = Lists.of(capacityRpsPerRepetition);
            lowerBoundPerRepetition = Lists.of(lowerBoundPerRepetition);
        }

        /** Against the baseline; earlier files knew sync alone, as vs_sync. Null for the baseline itself. */
        public Ratio against() {
            return vsBaseline != null ? vsBaseline : vsSync;
        }
    }

    /** A capacity over the baseline's, paired by repetition, with its 95 % interval. */
    public record Ratio(double estimate, double low, double high, boolean significant) {
    }

    /** One server at one offered rate, over the repetitions (valid runs only, when there are any). */
    public record Step(String server, int offeredRps, int validRuns, int runs, Stat achievedRps, Stat p50Ms,
                       Stat p99Ms, Stat uncorrectedP99Ms, double errorRate, Stat loadgenLagP99Ms, int dropped,
                       int sloMetRuns) {
    }
}
