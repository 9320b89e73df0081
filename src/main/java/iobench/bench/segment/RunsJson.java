package iobench.bench.segment;

import iobench.core.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * {@code runs.json}: every run of a bench, warm-ups included, with every figure and its
 * histograms (HdrHistogram's compressed encoding, base64), so that {@code iobench merge} can add
 * segments exactly. Lossless: what {@link #read} returns equals what {@link #write} was given.
 * A NaN is written as null (JSON has no NaN) and read back as NaN.
 */
public final class RunsJson {
    public static final String FILE = "runs.json";
    static final String FORMAT = "iobench-runs/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunsJson() {
    }

    /** Without a timeline (one generator's phases are not in slots). */
    public static void write(List<RunResult> runs, List<Long> startsEpochMs, Path dir) throws IOException {
        write(runs, startsEpochMs, List.of(), dir);
    }

    /**
     * @param startsEpochMs each run's wall-clock start, in the order of {@code runs}
     *                      ({@link RunStarts#UNKNOWN} or missing: not written)
     * @param phases        the segment's timeline: every phase's slot, and when it began and ended
     */
    public static void write(List<RunResult> runs, List<Long> startsEpochMs, List<PhaseTiming> phases, Path dir)
            throws IOException {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode timeline = root.putArray("phases");
        for (PhaseTiming p : phases) {
            ObjectNode o = timeline.addObject().put("scenario", p.scenario()).put("server", p.server().jsonName())
                    .put("repetition", p.repetition());
            if (p.ratePerS() != null) {
                o.put("rate_per_s", p.ratePerS());
            }
            o.put("slot_start_epoch_ms", p.slotStartEpochMs()).put("slot_end_epoch_ms", p.slotEndEpochMs())
                    .put("start_epoch_ms", p.startEpochMs()).put("end_epoch_ms", p.endEpochMs());
        }
        ArrayNode all = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode o = run(runs.get(i));
            long start = i < startsEpochMs.size() ? startsEpochMs.get(i) : RunStarts.UNKNOWN;
            if (start != RunStarts.UNKNOWN) {
                o.put("start_epoch_ms", start);
            }
            all.add(o);
        }
        ReportFiles.write(dir, FILE, JSON.writeValueAsString(root) + "\n");
    }

    public static List<RunResult> read(Path dir) throws IOException {
        JsonNode root = root(dir);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(FILE + " is not " + FORMAT);
        }
        List<RunResult> runs = new ArrayList<>();
        for (JsonNode r : root.path("runs")) {
            runs.add(run(r));
        }
        return runs;
    }

    /**
     * Each run's wall-clock start, in the order {@link #read} returns the runs;
     * {@link RunStarts#UNKNOWN} where runs.json does not say (warm-ups, files written before it did).
     */
    public static List<Long> readStarts(Path dir) throws IOException {
        List<Long> starts = new ArrayList<>();
        for (JsonNode r : root(dir).path("runs")) {
            starts.add(r.path("start_epoch_ms").isIntegralNumber() ? r.get("start_epoch_ms").asLong() : RunStarts.UNKNOWN);
        }
        return starts;
    }

    /** The segment's timeline, phase by phase; empty for one generator and for files written before timelines. */
    public static List<PhaseTiming> readPhases(Path dir) throws IOException {
        List<PhaseTiming> phases = new ArrayList<>();
        for (JsonNode p : root(dir).path("phases")) {
            try {
                phases.add(new PhaseTiming(p.path("scenario").asText(), Contender.fromJsonName(p.path("server").asText()),
                        p.path("repetition").asInt(), p.path("rate_per_s").isInt() ? p.get("rate_per_s").asInt() : null,
                        p.path("slot_start_epoch_ms").asLong(), p.path("slot_end_epoch_ms").asLong(),
                        p.path("start_epoch_ms").asLong(), p.path("end_epoch_ms").asLong()));
            } catch (IllegalArgumentException e) {
                throw new IOException(FILE + " holds a phase it cannot read: " + e.getMessage(), e);
            }
        }
        return phases;
    }

    private static JsonNode root(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(FILE + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static ObjectNode run(RunResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", r.scenario()).put("kind", r.kind().name()).put("server", r.server().jsonName())
                .put("repetition", r.repetition()).put("warmup", r.warmup());
        o.putObject("offered").put("delay_ms", r.delayMs()).put("concurrent", r.concurrent())
                .put("clients", r.clients()).put("requests", r.requests());
        ObjectNode out = o.putObject("outcome").put("successful", r.successful()).put("failed", r.failed())
                .put("duration_ns", r.durationNs()).put("stale_retries", r.staleRetries());
        number(out, "server_duration_s", r.serverDurationS());
        r.errors().forEach(out.putObject("errors")::put);
        r.errorSamples().forEach(out.putObject("error_samples")::put);
        o.set("latency", latency(r.latency()));
        RunCosts c = r.costs();
        ObjectNode costs = o.putObject("costs").put("peak_threads", c.peakThreads())
                .put("peak_virtual_threads", c.peakVirtualThreads()).put("source", c.source());
        number(costs, "cpu_ms_per_call", c.cpuMsPerCall());
        number(costs, "alloc_kb_per_call", c.allocKbPerCall());
        number(costs, "heap_used_mb", c.heapUsedMb());
        RunConditions k = r.conditions();
        ObjectNode cond = o.putObject("conditions");
        number(cond, "machine_cpu_pct", k.machineCpuPct());
        number(cond, "loadgen_lag_p99_ms", k.loadgenLagP99Ms());
        number(cond, "loadgen_cpu_ms", k.loadgenCpuMs());
        ObjectNode shares = cond.putObject("cpu_share_pct");
        k.cpuSharePct().forEach((part, pct) -> number(shares, part, pct));
        RateFigures f = r.rate();
        if (f != null) {
            ObjectNode rate = o.putObject("rate").put("offered_rps", f.offeredRps()).put("dropped", f.dropped())
                    .put("connections", f.connections()).put("peak_in_flight", f.peakInFlight())
                    .put("needed_in_flight", f.neededInFlight());
            rate.set("uncorrected", latency(f.uncorrected()));
            rate.set("dispatch_lag", latency(f.dispatchLag()));
        }
        return o;
    }

    private static RunResult run(JsonNode o) throws IOException {
        JsonNode off = o.path("offered");
        JsonNode out = o.path("outcome");
        JsonNode c = o.path("costs");
        JsonNode k = o.path("conditions");
        Map<String, Double> shares = new LinkedHashMap<>();
        k.path("cpu_share_pct").fields().forEachRemaining(e -> shares.put(e.getKey(), number(e.getValue())));
        JsonNode rate = o.path("rate");
        RateFigures figures = rate.isObject() ? new RateFigures(rate.path("offered_rps").asInt(),
                latency(rate.path("uncorrected")), latency(rate.path("dispatch_lag")), rate.path("dropped").asInt(),
                rate.path("connections").asInt(), rate.path("peak_in_flight").asInt(),
                rate.path("needed_in_flight").asInt()) : null;
        try {
            return new RunResult(new RunId(o.path("scenario").asText(), ScenarioKind.valueOf(o.path("kind").asText()),
                    Contender.fromJsonName(o.path("server").asText()), o.path("repetition").asInt(),
                    o.path("warmup").asBoolean()),
                    new Offered(off.path("delay_ms").asLong(), off.path("concurrent").asInt(),
                            off.path("clients").asInt(), off.path("requests").asInt()),
                    new Outcome(out.path("successful").asInt(), out.path("failed").asInt(), ints(out.path("errors")),
                            texts(out.path("error_samples")), out.path("duration_ns").asLong(),
                            number(out.path("server_duration_s")), out.path("stale_retries").asInt()),
                    latency(o.path("latency")),
                    new RunCosts(number(c.path("cpu_ms_per_call")), number(c.path("alloc_kb_per_call")),
                            c.path("peak_threads").asInt(-1), c.path("peak_virtual_threads").asInt(-1),
                            number(c.path("heap_used_mb")), c.path("source").asText(RunCosts.NOT_ATTRIBUTABLE)),
                    new RunConditions(number(k.path("machine_cpu_pct")), number(k.path("loadgen_lag_p99_ms")),
                            number(k.path("loadgen_cpu_ms")), shares),
                    figures);
        } catch (IllegalArgumentException e) {
            throw new IOException(FILE + " holds a run it cannot read: " + e.getMessage(), e);
        }
    }

    private static ObjectNode latency(LatencySummary l) {
        ObjectNode o = JSON.createObjectNode().put("count", l.count());
        number(o, "p50_ms", l.p50Ms());
        number(o, "p90_ms", l.p90Ms());
        number(o, "p99_ms", l.p99Ms());
        number(o, "max_ms", l.maxMs());
        Histogram h = l.histogramMicros();
        if (h != null) {
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            o.put("histogram_micros", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        }
        return o;
    }

    private static LatencySummary latency(JsonNode o) throws IOException {
        Histogram h = null;
        if (o.hasNonNull("histogram_micros")) {
            try {
                h = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(o.get("histogram_micros").asText())), 0);
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new IOException(FILE + " holds a histogram it cannot decode: " + e.getMessage(), e);
            }
        }
        return new LatencySummary(number(o.path("p50_ms")), number(o.path("p90_ms")), number(o.path("p99_ms")),
                number(o.path("max_ms")), o.path("count").asLong(), h);
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static Map<String, Integer> ints(JsonNode o) {
        Map<String, Integer> m = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }

    private static Map<String, String> texts(JsonNode o) {
        Map<String, String> m = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
