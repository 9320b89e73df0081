package iobench.cli;

import iobench.scenario.BenchPlan;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.SegmentSet;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.report.ConsoleSummary;
import iobench.analysis.Environment;
import iobench.analysis.Measurements;
import iobench.analysis.ModelParams;
import iobench.report.ReportDirectory;
import iobench.report.SegmentsJson;
import iobench.report.SegmentsSection;
import iobench.report.format.AnalysedRun;
import iobench.report.format.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the report directories of the N segments of one 'bench --segment I/N' run into the "
                + "report one generator would have written: histograms added, counts summed, plus a table of the "
                + "segments in report.md.",
        footerHeading = "%n",
        footer = {"Examples:",
            "  iobench merge --out reports/merged seg1 seg2 seg3",
            "",
            ExitCodes.HELP_SECTION})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the merged report.")
    Path outDir;

    @Parameters(paramLabel = "SEGMENT_DIR", arity = "1..*",
            description = "The report directories of the segments (each with segment.json and runs.json), any order.")
    List<Path> segmentDirs = new ArrayList<>();

    @Override
    public Integer call() {
        // Everything is checked and merged before the first file is written: a report is whole or absent.
        SegmentSet set;
        List<RunResult> merged;
        try {
            set = SegmentSet.load(segmentDirs);
            merged = set.merged();
        } catch (SegmentSet.Refused e) {
            throw ExitException.invalidInput(e.getMessage());
        }
        checkOut();
        SegmentRecord first = set.first();
        ServerSettings settings = SettingsLoader.load(null, System.getenv(), SettingsOverrides.NONE);
        // The segments' --target options too: the file may list targets only they define.
        BenchPlan plan = ScenarioFiles.plan(new ScenarioFiles.Text(first.scenarioSource() + " (run " + first.runId()
                + ", from segment.json)", first.scenarioText(), true), settings, first.targetOptions());
        ModelParams model = first.syncThreads() > 0 ? ModelParams.of(first.syncThreads(), first.fanoutThreads(),
                plan.targets()) : ModelParams.of(settings.syncThreads(), settings.fanoutThreads(), plan.targets());
        // Warm-up rounds are merged into results.csv; each segment's own report says when its servers were steady.
        List<RunMerge.Spread> spreads = set.spreads();
        List<RunMerge.Spread> drifts = spreads.stream().filter(RunMerge.Spread::drifted).toList();
        // A run whose segments began too far apart makes its scenario not valid: their loads were not one.
        Map<String, List<String>> notValid = drifts.stream().collect(Collectors.groupingBy(d -> d.id().scenario(),
                Collectors.mapping(RunMerge.Spread::reason, Collectors.toList())));
        BenchReport report = Analysis.analyse(plan, new Measurements(merged, plan.warmup(), List.of(), List.of(), null,
                notValid), environment(set, plan), model);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
            ReportWriter.everyOutputWith(SegmentsSection.render(set.segments(), set.runs(), spreads, set.overruns()),
                            Map.of(SegmentsJson.KEY, SegmentsJson.of(set.segments(), set.runs(), spreads, set.overruns())))
                    .write(AnalysedRun.of(report, null, null), outDir).forEach(w -> err.println("iobench: " + w));
        } catch (IOException e) {
            throw new ExitException(ExitCodes.FAILED, "cannot write the merged report to " + outDir + ": "
                    + ReportDirectory.reason(e));
        }
        err.flush();
        out.printf("%nMerged %d segments of run %s. Report: %s, data: %s%n", set.segments().size(), first.runId(),
                outDir.resolve("report.md"), outDir.resolve("results.csv"));
        out.flush();
        return ExitCodes.judged(report);
    }

    private void checkOut() {
        // Writing into a segment would replace its report.md, results.csv and the rest with the
        // merged ones: the segment's own figures lost, and the directory no longer that segment.
        Path out = real(outDir);
        for (Path segment : segmentDirs) {
            if (out.startsWith(real(segment))) {
                throw ExitException.invalidInput("--out " + outDir + " is " + (out.equals(real(segment)) ? "" : "inside ")
                        + "segment directory " + segment + "; expected a directory outside every segment");
            }
        }
        ReportDirs.writable(outDir);
    }

    /** The path with symbolic links resolved as far as it exists, so that two names of one directory compare equal. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private Environment environment(SegmentSet set, BenchPlan plan) {
        List<String> servers = new ArrayList<>();
        for (SegmentRecord s : set.segments()) {
            servers.add("segment " + s.segment() + " on " + s.host() + ": " + String.join("; ", s.servers()));
        }
        String startedAt = Instant.ofEpochMilli(set.first().startAtEpochMs()).atOffset(ZoneOffset.UTC).toString();
        return new Environment(VersionProvider.version(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")", plan.source(),
                startedAt, "iobench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), servers,
                "n/a (merged: see each segment's report)",
                "merged: " + set.segments().size() + " load generators (segments) against the same external servers");
    }
}
