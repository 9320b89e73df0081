package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import iobench.analysis.Comparison;
import iobench.analysis.Confidence;
import iobench.analysis.CostSummary;
import iobench.analysis.Environment;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.Stat;
import iobench.analysis.ThresholdCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code summary.json}: every figure of report.md, for machines and for {@code iobench compare}.
 * Names are snake_case with their unit; a figure that does not exist (no model, no interval, a
 * scenario that is not valid) is {@code null}, never NaN. Stats are {median, min, max} over the
 * measured repetitions; intervals {estimate, low, high, n, significant, word}.
 */
public final class SummaryJson {
    public static final String FILE = "summary.json";
    public static final String FORMAT = "iobench-summary";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /** The summary as a tree: what summary.json holds, for a comparison without writing and parsing it. */
    public static ObjectNode tree(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("complete", report.complete());
        root.put("incomplete_reason", report.incompleteReason());
        Environment env = report.environment();
        ObjectNode e = root.putObject("environment");
        e.put("iobench", env.iobenchVersion());
        e.put("jvm", env.jvm());
        e.put("cores", env.cores());
        e.put("os", env.os());
        e.put("scenarios", env.scenariosSource());
        e.put("started", env.startedAt());
        e.put("command", env.command());
        e.put("peak_resident_memory", env.peakResidentMemory());
        e.put("isolation", env.isolation());
        ArrayNode servers = e.putArray("servers");
        env.servers().forEach(servers::add);
        ObjectNode m = root.putObject("model_params");
        m.put("sync_threads", report.model().syncThreads());
        m.put("fanout_threads", report.model().fanoutThreads());
        root.put("confidence_method", Confidence.METHOD);
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioSummary s : report.scenarios()) {
            scenarios.add(scenario(s));
        }
        ArrayNode capacities = root.putArray("capacity");
        for (Capacity c : report.capacities()) {
            capacities.add(CapacityJson.of(c));
        }
        ArrayNode thresholds = root.putArray("thresholds");
        for (ThresholdCheck t : report.thresholds()) {
            ObjectNode o = thresholds.addObject();
            o.put("scenario", t.scenario());
            o.put("server", t.server().label());
            o.put("threshold", t.threshold());
            number(o, "value", t.value());
            number(o, "limit", t.limit());
            o.put("met", t.met());
        }
        ArrayNode steady = root.putArray("time_to_steady");
        for (iobench.bench.warmup.TimeToSteady t : report.timeToSteady()) {
            ObjectNode o = steady.addObject();
            o.put("server", t.server().label());
            number(o, "first_request_ms", t.firstRequestMs());
            o.put("first_request_delay_ms", t.delayMs());
            o.put("steady", t.steady());
            o.put("steady_in", t.steadyIn());
            o.put("calls", t.calls());
            number(o, "seconds", t.durationS());
            // A named target that refused the short warm-up delay, warmed at its scenarios' own delays.
            if (t.refusedDelay() != null) {
                ObjectNode refused = o.putObject("warmup_delay_refused");
                refused.put("delay_ms", t.refusedDelay().refusedDelayMs());
                refused.put("why", t.refusedDelay().why());
                refused.put("warmed_at_ms", t.refusedDelay().warmedAtMs());
            }
        }
        ArrayNode phases = root.putArray("warmup_phases");
        for (iobench.bench.warmup.WarmupOutcome w : report.warmupPhases()) {
            ObjectNode o = phases.addObject();
            o.put("scenario", w.scenario());
            o.put("server", w.server().label());
            o.put("rounds", w.rounds());
            o.put("calls", w.calls());
            number(o, "seconds", w.durationS());
            number(o, "jit_ms", w.jitGrowthMs());
            o.put("steady", w.steady());
            o.put("capped", w.capped());
            if (w.failure() != null) {
                o.put("failure", w.failure());
            }
        }
        return root;
    }

    /** summary.json's text of a tree made by {@link #tree}. */
    public static String text(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ObjectNode scenario(ScenarioSummary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.scenario().name());
        n.put("kind", s.scenario().kind().label());
        n.put("delay_s", s.scenario().delaySeconds());
        // The summary's columns predate rate scenarios, and each kind fills only its own: the others say 1.
        int[] shape = switch (s.scenario()) {
            case FanOutScenario f -> new int[] {f.concurrent(), 1, 1};
            case ClientsScenario c -> new int[] {1, c.clients(), c.requests()};
            case RateScenario r -> new int[] {1, 1, 1};
        };
        n.put("concurrent", shape[0]);
        n.put("clients", shape[1]);
        n.put("requests", shape[2]);
        if (s.scenario() instanceof ClientsScenario c && c.forTime()) {
            // Its requests are 0: the clients sent for this long instead.
            n.put("duration_s", c.durationMs() / 1000.0);
        }
        n.put("repetitions", s.scenario().repetitions());
        n.put("strategy", s.scenario().strategy().label());
        n.put("valid", s.valid());
        n.put("invalid_reason", s.invalidReason());
        n.put("baseline", s.baseline() == null ? null : s.baseline().label());
        ArrayNode servers = n.putArray("servers");
        for (ServerStats st : s.servers()) {
            ObjectNode o = servers.addObject();
            o.put("server", st.server().label());
            o.put("runs", st.runs());
            stat(o, "duration_s", st.durationS());
            stat(o, "throughput_rps", st.throughputRps());
            stat(o, "p50_ms", st.p50Ms());
            stat(o, "p99_ms", st.p99Ms());
            number(o, "success_rate", st.successRate());
            o.put("failed", st.failed());
            o.put("stale_retries", st.staleRetries());
            ObjectNode errors = o.putObject("errors");
            st.errors().forEach(errors::put);
            ObjectNode samples = o.putObject("error_samples");
            st.errorSamples().forEach(samples::put);
            number(o, "model_duration_s", st.modelDurationS());
            number(o, "efficiency", st.efficiency());
            o.put("model_note", st.modelNote());
            number(o, "machine_cpu_pct_max", st.machineCpuPctMax());
            number(o, "loadgen_lag_p99_ms_max", st.loadgenLagP99MsMax());
            CostSummary c = st.costs();
            ObjectNode costs = o.putObject("costs");
            // Too little work gives no figure (null), as the report says "too few calls".
            costs.put("calls", c.calls());
            costs.put("enough_work", c.enoughWork());
            number(costs, "cpu_ms_per_call", c.enoughWork() ? c.cpuMsPerCall() : Double.NaN);
            number(costs, "cpu_ms_per_call_min", c.enoughWork() ? c.cpuMsMin() : Double.NaN);
            number(costs, "cpu_ms_per_call_max", c.enoughWork() ? c.cpuMsMax() : Double.NaN);
            number(costs, "alloc_kb_per_call", c.enoughWork() ? c.allocKbPerCall() : Double.NaN);
            if (c.peakThreads() < 0) {
                costs.putNull("peak_threads");
            } else {
                costs.put("peak_threads", c.peakThreads());
            }
            if (c.peakVirtualThreads() < 0) {
                costs.putNull("peak_virtual_threads");
            } else {
                costs.put("peak_virtual_threads", c.peakVirtualThreads());
            }
            number(costs, "heap_used_mb", c.heapUsedMb());
            costs.put("source", c.source());
        }
        ArrayNode comparisons = n.putArray("comparisons");
        for (Comparison c : s.comparisons()) {
            ObjectNode o = comparisons.addObject();
            o.put("server", c.server().label());
            o.put("baseline", s.baseline() == null ? null : s.baseline().label());
            number(o, "speedup", c.speedup());
            number(o, "model_speedup", c.modelSpeedup());
            o.put("verdict", c.verdict());
            ObjectNode i = o.putObject("interval");
            number(i, "estimate", c.interval().estimate());
            number(i, "low", c.interval().low());
            number(i, "high", c.interval().high());
            i.put("n", c.interval().n());
            i.put("significant", c.interval().significant());
            i.put("word", c.interval().word());
        }
        return n;
    }

    /** {median, min, max} of a figure over the measured repetitions. */
    static void stat(ObjectNode parent, String name, Stat stat) {
        ObjectNode o = parent.putObject(name);
        number(o, "median", stat.median());
        number(o, "min", stat.min());
        number(o, "max", stat.max());
    }

    static void number(ObjectNode parent, String name, double value) {
        if (Double.isFinite(value)) {
            parent.put(name, value);
        } else {
            parent.putNull(name);
        }
    }

    /** Thrown with a one-line reason when a directory holds no iobench summary. */
    public static final class NotASummaryException extends IOException {
        public NotASummaryException(String message) {
            super(message);
        }
    }

    /** The summary.json of a report directory, checked to be one. */
    public static JsonNode read(Path reportDir) throws NotASummaryException {
        Path file = reportDir.resolve(FILE);
        if (!Files.isDirectory(reportDir)) {
            throw new NotASummaryException(reportDir + " is not a directory; expected a report directory of 'iobench bench'");
        }
        if (!Files.isReadable(file)) {
            throw new NotASummaryException(reportDir + " has no readable " + FILE
                    + "; expected a report directory of 'iobench bench'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException ex) {
            throw new NotASummaryException(file + " is not valid JSON: "
                    + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("scenarios").isArray()) {
            throw new NotASummaryException(file + " is not an iobench summary; expected \"format\": \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt() > VERSION) {
            throw new NotASummaryException(file + " is summary version " + root.path("version").asInt()
                    + "; this iobench reads up to version " + VERSION);
        }
        return root;
    }
}
