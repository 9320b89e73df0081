package iobench.cli;

import iobench.bench.metrics.RunResult;
import iobench.bench.segment.RunsJson;
import iobench.scenario.Segment;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.StartAt;
import iobench.analysis.BenchReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bench --segment writes beside its report for {@code iobench merge}: runs.json before the
 * report, segment.json after it, last: merge (and the Job that waits for it) takes a directory
 * with segment.json for one that holds everything.
 */
final class SegmentFiles {
    private SegmentFiles() {
    }

    /** runs.json: every run, warm-ups included, with its start; and the segment's timeline. */
    static void writeRuns(Path dir, BenchSession.Outcome outcome) throws IOException {
        BenchReport report = outcome.report();
        List<RunResult> runs = new ArrayList<>(report.warmups());
        runs.addAll(report.runs());
        RunsJson.write(runs, outcome.runStarts().of(runs), outcome.phases(), dir);
    }

    /**
     * segment.json, the marker: written after runs.json and the report.
     *
     * @param startAt when the segments were to start, or null: this one started when it was ready
     * @param targets each {@code --target} as given, for the merge to rebuild the plan with
     */
    static void writeRecord(Path dir, BenchSession.Outcome outcome, ScenarioFiles.Text scenarios, Segment segment,
                            StartAt startAt, List<String> targets) throws IOException {
        BenchReport report = outcome.report();
        String sha = SegmentRecord.sha256(scenarios.text());
        String given = startAt == null ? "now" : startAt.given();
        long startAtMs = startAt == null ? outcome.loadStartEpochMs() : startAt.instant().toEpochMilli();
        new SegmentRecord(SegmentRecord.runId(sha, segment.count(), given), segment.index(), segment.count(), sha,
                scenarios.source(), scenarios.text(), given, startAtMs, outcome.loadStartEpochMs(), host(),
                VersionProvider.version(), report.complete(), report.model().syncThreads(),
                report.model().fanoutThreads(), report.environment().servers(), targets).write(dir);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }
}
