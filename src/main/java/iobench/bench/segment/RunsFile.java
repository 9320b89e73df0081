package iobench.bench.segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import iobench.bench.metrics.RunCosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runs.json} as the file holds it: the records Jackson writes and reads back, keys the
 * components' names in snake_case, in the components' order. {@link RunsJson} turns them into
 * runs and back. A figure that does not exist is null in the file and NaN here; a key that an
 * older file lacks reads as what the file's readers always took it as (0, NaN, -1 for the thread
 * peaks, nothing for the optional parts); a key a later iobench adds is skipped.
 */
record RunsFile(String format, List<Phase> phases, List<Run> runs) {
    RunsFile {
        phases = phases == null ? List.of() : phases;
        runs = runs == null ? List.of() : runs;
    }

    /** One phase of a segment's timeline; see {@link PhaseTiming}. */
    record Phase(String scenario, String server, int repetition,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer ratePerS, long slotStartEpochMs,
                 long slotEndEpochMs, long startEpochMs, long endEpochMs) {
        Phase {
            scenario = text(scenario);
            server = text(server);
        }
    }

    /**
     * One run.
     *
     * @param rate         a rate run's figures; absent for the other kinds
     * @param startEpochMs its wall-clock start; absent where it is not known (warm-ups, older files)
     */
    record Run(String scenario, String kind, String server, int repetition, boolean warmup, Offered offered,
               Outcome outcome, Latency latency, Costs costs, Conditions conditions,
               @JsonInclude(JsonInclude.Include.NON_NULL) Rate rate,
               @JsonInclude(JsonInclude.Include.NON_NULL) Long startEpochMs) {
        Run {
            scenario = text(scenario);
            kind = text(kind);
            server = text(server);
            offered = offered == null ? new Offered(0, 0, 0, 0) : offered;
            outcome = outcome == null ? new Outcome(0, 0, 0, 0, Double.NaN, null, null) : outcome;
            latency = latency == null ? Latency.NONE : latency;
            costs = costs == null ? new Costs(null, null, null, Double.NaN, Double.NaN, Double.NaN) : costs;
            conditions = conditions == null ? new Conditions(Double.NaN, Double.NaN, Double.NaN, null) : conditions;
        }
    }

    record Offered(long delayMs, int concurrent, int clients, int requests) {
    }

    record Outcome(int successful, int failed, long durationNs, int staleRetries, double serverDurationS,
                   Map<String, Integer> errors, Map<String, String> errorSamples) {
        Outcome {
            errors = errors == null ? Map.of() : errors;
            errorSamples = errorSamples == null ? Map.of() : errorSamples;
        }
    }

    /** @param histogramMicros HdrHistogram's compressed encoding, base64; absent when the run kept none */
    record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String histogramMicros) {
        static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /** @param peakThreads -1 where not known, as in {@link RunCosts} */
    record Costs(Integer peakThreads, Integer peakVirtualThreads, String source, double cpuMsPerCall,
                 double allocKbPerCall, double heapUsedMb) {
        Costs {
            peakThreads = peakThreads == null ? -1 : peakThreads;
            peakVirtualThreads = peakVirtualThreads == null ? -1 : peakVirtualThreads;
            source = source == null ? RunCosts.NOT_ATTRIBUTABLE : source;
        }
    }

    /** @param cpuSharePct by part; a share not known is null in the file and NaN here */
    record Conditions(double machineCpuPct, double loadgenLagP99Ms, double loadgenCpuMs,
                      Map<String, Double> cpuSharePct) {
        Conditions {
            Map<String, Double> shares = new LinkedHashMap<>();
            if (cpuSharePct != null) {
                cpuSharePct.forEach((part, pct) -> shares.put(part, pct == null ? Double.NaN : pct));
            }
            cpuSharePct = shares;
        }
    }

    record Rate(int offeredRps, int dropped, int connections, int peakInFlight, int neededInFlight, Latency uncorrected,
                Latency dispatchLag) {
        Rate {
            uncorrected = uncorrected == null ? Latency.NONE : uncorrected;
            dispatchLag = dispatchLag == null ? Latency.NONE : dispatchLag;
        }
    }

    /** What the readers took a missing text as. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
