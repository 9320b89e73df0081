package iobench.report.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import iobench.analysis.Stat;
import java.util.List;
import java.util.Map;

/**
 * One scenario of summary.json: its shape, each server's figures, and each server's speedup over
 * the baseline. Stats are {median, min, max} over the measured repetitions.
 *
 * @param kind        fan-out, clients or rate
 * @param concurrent  the columns predate rate scenarios and each kind fills only its own: the others say 1
 * @param durationS   the clients sent for this long instead of a number of requests (then 0); absent (null)
 *                    otherwise
 * @param strategy    sequential or parallel
 * @param baseline    the server the speedups are over, or null
 */
public record SummaryScenario(String name, String kind, double delayS, int concurrent, int clients, int requests,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double durationS, int repetitions,
                              String strategy, boolean valid, String invalidReason, String baseline,
                              List<Server> servers, List<Speedup> comparisons) {
    public SummaryScenario {
        servers = Lists.of(servers);
        comparisons = Lists.of(comparisons);
    }

    /** The server of this name, or null. */
    public Server server(String label) {
        return servers.stream().filter(s -> s.server().equals(label)).findFirst().orElse(null);
    }

    /** This server's speedup over the baseline, or null (the baseline has none). */
    public Speedup speedup(String label) {
        return comparisons.stream().filter(c -> c.server().equals(label)).findFirst().orElse(null);
    }

    /**
     * One server's figures in the scenario.
     *
     * @param runs          the measured repetitions
     * @param errors        failed requests by kind, in the order met
     * @param errorSamples  one message by kind
     * @param efficiency    model / measured median duration, NaN without a model
     */
    public record Server(String server, int runs, Stat durationS, Stat throughputRps, Stat p50Ms, Stat p99Ms,
                         double successRate, int failed, int staleRetries, Map<String, Integer> errors,
                         Map<String, String> errorSamples, double modelDurationS, double efficiency, String modelNote,
                         double machineCpuPctMax, double loadgenLagP99MsMax, Costs costs) {
        public Server {
            errors = errors == null ? Map.of() : errors;
            errorSamples = errorSamples == null ? Map.of() : errorSamples;
        }
    }

    /**
     * What a call cost the server; a figure is NaN when there was too little work to tell
     * ({@code enoughWork} false), a peak null when the server could not be asked.
     */
    public record Costs(long calls, boolean enoughWork, double cpuMsPerCall, double cpuMsPerCallMin,
                        double cpuMsPerCallMax, double allocKbPerCall, Integer peakThreads, Integer peakVirtualThreads,
                        double heapUsedMb, String source) {
    }

    /**
     * One server against the scenario's baseline.
     *
     * @param baseline what the speedup is over (see {@link #against})
     * @param speedup  baseline's median duration / this server's, NaN for a scenario that is not valid
     */
    public record Speedup(String server, String baseline, double speedup, double modelSpeedup, String verdict,
                          Interval interval) {
        public Speedup {
            interval = interval == null ? Interval.NONE : interval;
        }

        /** The baseline; files before baselines could be chosen left it out, and only ever had sync. */
        public String against() {
            return baseline == null ? "sync" : baseline;
        }
    }

    /** A 95 % confidence interval of a ratio; NaNs and n 0 when there are too few repetitions. */
    public record Interval(double estimate, double low, double high, int n, boolean significant, String word) {
        static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN, 0, false, null);
    }
}
