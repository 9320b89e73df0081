package iobench.report.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code summary.json} holds, as types: every figure of report.md, for machines and for
 * {@code iobench compare}. {@link SummaryFile} writes it and reads it back; nothing else parses
 * the file. Names in the file are the components' in snake_case; a figure that does not exist
 * (no model, no interval, a scenario that is not valid) is null in the file and NaN here. The
 * schema is docs/summary.schema.json.
 *
 * @param version  {@link #VERSION}; a file without one is read as version 1, the first
 * @param segments a merged run's segments; absent (null) for a bench of one generator
 */
public record Summary(String format, int version, boolean complete, String incompleteReason, Environment environment,
                      ModelParams modelParams, String confidenceMethod, List<SummaryScenario> scenarios,
                      List<SummaryCapacity> capacity, List<Threshold> thresholds, List<TimeToSteady> timeToSteady,
                      List<WarmupPhase> warmupPhases, @JsonInclude(JsonInclude.Include.NON_NULL) SummarySegments segments) {
    public static final String FILE = "summary.json";
    public static final String FORMAT = "iobench-summary";
    /** Raised when a key changes meaning or goes; a key added is no new version (readers skip keys they do not know). */
    public static final int VERSION = 1;

    public Summary {
        version = version == 0 ? 1 : version;
        environment = environment == null ? Environment.UNKNOWN : environment;
        modelParams = modelParams == null ? new ModelParams(0, 0) : modelParams;
        scenarios = Lists.of(scenarios);
        capacity = Lists.of(capacity);
        thresholds = Lists.of(thresholds);
        // Files before warm-ups were reported have neither list.
        timeToSteady = Lists.of(timeToSteady);
        warmupPhases = Lists.of(warmupPhases);
    }

    /** The same summary with a merged run's segments. */
    public Summary withSegments(SummarySegments merged) {
        return new Summary(format, version, complete, incompleteReason, environment, modelParams, confidenceMethod,
                scenarios, capacity, thresholds, timeToSteady, warmupPhases, merged);
    }

    /** Where and how the run was made; {@code started} is an ISO-8601 date-time with offset. */
    public record Environment(String iobench, String jvm, int cores, String os, String scenarios, String started,
                              String command, String peakResidentMemory, String isolation, List<String> servers) {
        static final Environment UNKNOWN = new Environment(null, null, 0, null, null, null, null, null, null, List.of());

        public Environment {
            servers = Lists.of(servers);
        }
    }

    /** The threads the model assumes: the sync server's pool and the fan-out's. */
    public record ModelParams(int syncThreads, int fanoutThreads) {
    }

    /**
     * A threshold of the scenario file, checked.
     *
     * @param value the measured figure, NaN for none (which breaks the threshold)
     */
    public record Threshold(String scenario, String server, String threshold, double value, double limit,
                            boolean met) {
    }

    /**
     * A server's way from its first request to steady.
     *
     * @param steadyIn           the scenario whose warm-up first ended steady, or null
     * @param warmupDelayRefused a named target that refused the short warm-up delay; absent (null) for the rest
     */
    public record TimeToSteady(String server, double firstRequestMs, long firstRequestDelayMs, boolean steady,
                               String steadyIn, long calls, double seconds,
                               @JsonInclude(JsonInclude.Include.NON_NULL) RefusedDelay warmupDelayRefused) {
    }

    /** The warm-up delay a named target refused, and the delay it was warmed at instead. */
    public record RefusedDelay(long delayMs, String why, long warmedAtMs) {
    }

    /**
     * One scenario's warm-up of one server.
     *
     * @param failure how its requests failed when a round answered nothing at all; absent (null) otherwise
     */
    public record WarmupPhase(String scenario, String server, int rounds, long calls, double seconds, double jitMs,
                              boolean steady, boolean capped,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String failure) {
    }
}
