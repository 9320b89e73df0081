package iobench.run;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Environment;
import iobench.analysis.Measurements;
import iobench.analysis.ModelParams;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.SegmentSet;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.report.ConsoleSummary;
import iobench.report.ReportDirectory;
import iobench.report.SegmentsJson;
import iobench.report.SegmentsSection;
import iobench.report.format.AnalysedRun;
import iobench.report.format.ReportWriter;
import iobench.scenario.BenchPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * merge's run: the N segments of one {@code bench --segment I/N} run read and their runs added,
 * then the report one generator would have written, with a section on the segments.
 */
public final class MergeRun {
    private final SegmentSet set;
    private final List<RunResult> merged;

    private MergeRun(SegmentSet set, List<RunResult> merged) {
        this.set = set;
        this.merged = merged;
    }

    /** The segments read and merged, before any file is written; ones that do not make one run are invalid input. */
    public static MergeRun load(List<Path> segmentDirs) {
        try {
            SegmentSet set = SegmentSet.load(segmentDirs);
            return new MergeRun(set, set.merged());
        } catch (SegmentSet.Refused e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /**
     * The merged report: its figures on the console, every report file in {@code outDir}.
     *
     * @return the exit code the merged report earns ({@link ReportVerdict})
     */
    public int write(Path outDir, String commandLine, PrintWriter out, PrintWriter err) {
        SegmentRecord first = set.first();
        ServerSettings settings = SettingsLoader.load(null, System.getenv(), SettingsOverrides.NONE);
        // The segments' --target options too: the file may list targets only they define.
        BenchPlan plan = ScenarioFiles.plan(new ScenarioFiles.Text(first.scenarioSource() + " (run " + first.runId()
                + ", from segment.json)", first.scenarioText(), true), settings, first.targetOptions());
        ModelParams model = first.syncThreads() > 0 ? ModelParams.of(first.syncThreads(), first.fanoutThreads(),
                plan.targets()) : ModelParams.of(settings.syncThreads(), settings.fanoutThreads(), plan.targets());
        // Warm-up rounds are merged into warmup.csv; each segment's own report says when its servers were steady.
        List<RunMerge.Spread> spreads = set.spreads();
        List<RunMerge.Spread> drifts = spreads.stream().filter(RunMerge.Spread::drifted).toList();
        // A run whose segments began too far apart makes its scenario not valid: their loads were not one.
        Map<String, List<String>> notValid = drifts.stream().collect(Collectors.groupingBy(d -> d.id().scenario(),
                Collectors.mapping(RunMerge.Spread::reason, Collectors.toList())));
        BenchReport report = Analysis.analyse(plan, new Measurements(merged, plan.warmup(), List.of(), List.of(), null,
                notValid), environment(commandLine, plan.source()), model);
        String skew = SegmentsSection.skew(set.segments());
        if (skew != null) {
            err.println("iobench: " + skew);
        }
        String spreadLine = SegmentsSection.spreadLine(spreads, set.overruns());
        if (spreadLine != null) {
            err.println("iobench: " + spreadLine);
        }
        SegmentsSection.overrunLines(set.segments(), set.overruns()).forEach(line -> err.println("iobench: " + line));
        drifts.forEach(d -> err.println("iobench: not valid: run " + d.reason()));
        out.print(ConsoleSummary.render(report));
        out.flush();
        try {
            ReportWriter.everyOutputWith(List.of(SegmentsSection.section(set.segments(), set.runs(), spreads,
                                    set.overruns())),
                            SegmentsJson.of(set.segments(), set.runs(), spreads, set.overruns()))
                    .write(AnalysedRun.of(report, null, null), outDir).forEach(w -> err.println("iobench: " + w));
        } catch (IOException e) {
            throw new ExitException(ExitCodes.FAILED, "cannot write the merged report to " + outDir + ": "
                    + ReportDirectory.reason(e));
        }
        err.flush();
        out.printf("%nMerged %d segments of run %s. Report: %s, data: %s%n", set.segments().size(), first.runId(),
                outDir.resolve("report.md"), outDir.resolve("results.csv"));
        out.flush();
        return ReportVerdict.exitCode(report);
    }

    private Environment environment(String commandLine, String source) {
        List<String> servers = new ArrayList<>();
        for (SegmentRecord s : set.segments()) {
            servers.add("segment " + s.segment() + " on " + s.host() + ": " + String.join("; ", s.servers()));
        }
        String startedAt = Instant.ofEpochMilli(set.first().startAtEpochMs()).atOffset(ZoneOffset.UTC).toString();
        return RunEnvironment.of(source, startedAt, commandLine, servers, "n/a (merged: see each segment's report)",
                "merged: " + set.segments().size() + " load generators (segments) against the same external servers");
    }
}
