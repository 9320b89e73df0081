package iobench.bench.segment;

import iobench.core.ReportFiles;
import iobench.scenario.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code segment.json}: which share of which run a report directory holds, and when it really
 * started, so that {@code iobench merge} can check it was given the N segments of one run and
 * rebuild the plan from the scenario file's own text.
 *
 * @param runId            a digest of the scenario file's SHA-256, N and the start time as given
 * @param scenarioText     the scenario file itself, from which the merge rebuilds the plan
 * @param startAt          the start time as given ({@code +30s} or an instant)
 * @param startAtEpochMs   the instant this segment waited for, on its own clock
 * @param actualStartEpochMs when it began sending (after the health checks and the wait)
 * @param complete         false when the run was cut short (Ctrl-C, the sim gone)
 * @param syncThreads      the model's parameters as the segment read them from the sync server
 * @param targetOptions    each {@code --target NAME=URL} as given: the scenario file may list a target
 *                         only they define, so the merge needs them to rebuild the plan
 */
public record SegmentRecord(String runId, int index, int count, String scenarioSha256, String scenarioSource,
                            String scenarioText, String startAt, long startAtEpochMs, long actualStartEpochMs,
                            String host, String iobenchVersion, boolean complete, int syncThreads, int fanoutThreads,
                            List<String> servers, List<String> targetOptions) {
    public static final String FILE = "segment.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SegmentRecord {
        servers = List.copyOf(servers);
        targetOptions = List.copyOf(targetOptions);
    }

    /** How late (positive) or early this segment began sending, against the start time on its own clock. */
    public long startOffsetMs() {
        return actualStartEpochMs - startAtEpochMs;
    }

    public Segment segment() {
        return new Segment(index, count);
    }

    public static String runId(String scenarioSha256, int count, String startAt) {
        return sha256(scenarioSha256 + "\n" + count + "\n" + startAt).substring(0, 16);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public void write(Path dir) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("run_id", runId).put("index", index).put("count", count).put("scenario_sha256", scenarioSha256)
                .put("scenario_source", scenarioSource).put("scenario_text", scenarioText).put("start_at", startAt)
                .put("start_at_epoch_ms", startAtEpochMs).put("actual_start_epoch_ms", actualStartEpochMs)
                .put("start_offset_ms", startOffsetMs()).put("host", host).put("iobench_version", iobenchVersion)
                .put("complete", complete).put("sync_threads", syncThreads).put("fanout_threads", fanoutThreads);
        servers.forEach(o.putArray("servers")::add);
        targetOptions.forEach(o.putArray("target_options")::add);
        ReportFiles.write(dir, FILE, JSON.writeValueAsString(o) + "\n");
    }

    /** The segment.json of {@code dir}; IOException when it is missing or not one. */
    public static SegmentRecord read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE + " (not the report directory of a bench --segment run)");
        }
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(FILE + " is not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IOException(FILE + " is not a JSON object");
        }
        for (String key : List.of("run_id", "index", "count", "scenario_sha256", "scenario_text", "start_at",
                "start_at_epoch_ms", "actual_start_epoch_ms")) {
            if (!o.hasNonNull(key)) {
                throw new IOException(FILE + " lacks " + key);
            }
        }
        // Checked here, so that a corrupt file is one line naming it, not an exception deep in the merge.
        int index = o.get("index").asInt();
        int count = o.get("count").asInt();
        if (!o.get("index").isInt() || !o.get("count").isInt() || count < 1 || index < 1 || index > count) {
            throw new IOException(FILE + " holds index " + o.get("index") + " of count " + o.get("count")
                    + "; expected 1 <= index <= count");
        }
        String sha = o.get("scenario_sha256").asText();
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IOException(FILE + " holds scenario_sha256 '" + sha + "'; expected 64 hex digits");
        }
        List<String> servers = new ArrayList<>();
        o.path("servers").forEach(n -> servers.add(n.asText()));
        // Written since named targets; a segment.json from before has none, as its bench had none.
        List<String> targetOptions = new ArrayList<>();
        o.path("target_options").forEach(n -> targetOptions.add(n.asText()));
        return new SegmentRecord(o.get("run_id").asText(), index, count, sha, o.path("scenario_source").asText(""),
                o.get("scenario_text").asText(), o.get("start_at").asText(), o.get("start_at_epoch_ms").asLong(),
                o.get("actual_start_epoch_ms").asLong(), o.path("host").asText("?"),
                o.path("iobench_version").asText("?"), o.path("complete").asBoolean(true),
                o.path("sync_threads").asInt(0), o.path("fanout_threads").asInt(0), servers, targetOptions);
    }
}
