package iobench.run;

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
public final class SegmentFiles {
    /**
     * What a segment's record holds beside its outcome.
     *
     * @param startAt   when the segments were to start, or null: this one started when it was ready
     * @param scenarios the scenario file as run, for the merge to rebuild the plan from
     * @param targets   each {@code --target} as given, for the merge to rebuild the plan with
     */
    public record Given(Segment segment, StartAt startAt, ScenarioFiles.Text scenarios, List<String> targets) {
    }

    private SegmentFiles() {
    }

    /** runs.json: every run, warm-ups included, with its start; and the segment's timeline. */
    static void writeRuns(Path dir, BenchSession.Outcome outcome) throws IOException {
        BenchReport report = outcome.report();
        List<RunResult> runs = new ArrayList<>(report.warmups());
        runs.addAll(report.runs());
        RunsJson.write(runs, outcome.runStarts().of(runs), outcome.phases(), dir);
    }

    /** segment.json, the marker: written after runs.json and the report. */
    static void writeRecord(Path dir, BenchSession.Outcome outcome, Given given) throws IOException {
        BenchReport report = outcome.report();
        Segment segment = given.segment();
        StartAt startAt = given.startAt();
        ScenarioFiles.Text scenarios = given.scenarios();
        String sha = SegmentRecord.sha256(scenarios.text());
        String startGiven = startAt == null ? "now" : startAt.given();
        long startAtMs = startAt == null ? outcome.loadStartEpochMs() : startAt.instant().toEpochMilli();
        new SegmentRecord(SegmentRecord.runId(sha, segment.count(), startGiven), segment.index(), segment.count(), sha,
                scenarios.source(), scenarios.text(), startGiven, startAtMs, outcome.loadStartEpochMs(), host(),
                RunEnvironment.version(), report.complete(), report.model().syncThreads(),
                report.model().fanoutThreads(), report.environment().servers(), given.targets()).write(dir);
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
