package iobench.bench.segment;

import iobench.core.JsonFiles;
import iobench.core.ReportFiles;
import iobench.scenario.Segment;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

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
        SegmentFile file = new SegmentFile(runId, index, count, scenarioSha256, scenarioSource, scenarioText, startAt,
                startAtEpochMs, actualStartEpochMs, startOffsetMs(), host, iobenchVersion, complete, syncThreads,
                fanoutThreads, servers, targetOptions);
        ReportFiles.write(dir, FILE, JSON.writeValueAsString(file) + "\n");
    }

    /** The segment.json of {@code dir}; IOException when it is missing or not one. */
    public static SegmentRecord read(Path dir) throws IOException {
        SegmentFile o = JsonFiles.read(JSON, dir, FILE, SegmentFile.class,
                " (not the report directory of a bench --segment run)", "a segment record");
        required("run_id", o.runId());
        required("index", o.index());
        required("count", o.count());
        required("scenario_sha256", o.scenarioSha256());
        required("scenario_text", o.scenarioText());
        required("start_at", o.startAt());
        required("start_at_epoch_ms", o.startAtEpochMs());
        required("actual_start_epoch_ms", o.actualStartEpochMs());
        // Checked here, so that a corrupt file is one line naming it, not an exception deep in the merge.
        if (o.count() < 1 || o.index() < 1 || o.index() > o.count()) {
            throw new IOException(FILE + " holds index " + o.index() + " of count " + o.count()
                    + "; expected 1 <= index <= count");
        }
        if (!o.scenarioSha256().matches("[0-9a-f]{64}")) {
            throw new IOException(FILE + " holds scenario_sha256 '" + o.scenarioSha256() + "'; expected 64 hex digits");
        }
        return new SegmentRecord(o.runId(), o.index(), o.count(), o.scenarioSha256(), o.scenarioSource(),
                o.scenarioText(), o.startAt(), o.startAtEpochMs(), o.actualStartEpochMs(), o.host(), o.iobenchVersion(),
                o.complete(), o.syncThreads(), o.fanoutThreads(), o.servers(), o.targetOptions());
    }

    private static void required(String key, Object value) throws IOException {
        if (value == null) {
            throw new IOException(FILE + " lacks " + key);
        }
    }

    /**
     * segment.json as the file holds it, keys in snake_case in this order; {@code startOffsetMs} is
     * written for people and not read back. The required keys are boxed: a file without one (or with
     * null) is refused naming it; the others read as what an older file meant.
     *
     * @param targetOptions written since named targets; a file from before has none, as its bench had none
     */
    private record SegmentFile(String runId, Integer index, Integer count, String scenarioSha256, String scenarioSource,
                               String scenarioText, String startAt, Long startAtEpochMs, Long actualStartEpochMs,
                               long startOffsetMs, String host, String iobenchVersion, Boolean complete,
                               int syncThreads, int fanoutThreads, List<String> servers, List<String> targetOptions) {
        SegmentFile {
            scenarioSource = scenarioSource == null ? "" : scenarioSource;
            host = host == null ? "?" : host;
            iobenchVersion = iobenchVersion == null ? "?" : iobenchVersion;
            complete = complete == null || complete;
            servers = servers == null ? List.of() : servers;
            targetOptions = targetOptions == null ? List.of() : targetOptions;
        }
    }
}
