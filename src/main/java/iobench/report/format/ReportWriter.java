package iobench.report.format;

import iobench.report.CsvReport;
import iobench.report.HlogFiles;
import iobench.report.HtmlCompare;
import iobench.report.HtmlReport;
import iobench.report.MarkdownReport;
import iobench.report.RunComparison;
import iobench.report.summary.SummarySegments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes every output of a run, in the order that protects the data: results.csv and
 * summary.json first (should a document fail, the figures are not lost), then hlog/, the charts,
 * compare.md beside a baseline, the Markdown, and last the pages, which are read back from the
 * files before them so that {@code iobench report DIR} makes the same ones, and whose failure only
 * warns. Any other failure ends the writing with its exception.
 */
public final class ReportWriter {
    private static final Predicate<AnalysedRun> ALWAYS = run -> true;
    private static final Predicate<AnalysedRun> COMPARED = run -> run.baseline() != null;
    /** A stopped run gets no pages: bench ends at once; {@code iobench report DIR} makes them later. */
    private static final Predicate<AnalysedRun> NOT_STOPPED = run -> !run.stopped();

    /**
     * The outputs in writing order; {@code markdownAppendix} ends report.md and {@code segments} go
     * into summary.json (empty and null for bench).
     */
    private static List<ReportFormat> formats(String markdownAppendix, SummarySegments segments) {
        return List.of(
                FileFormat.text("results.csv", ALWAYS, (run, dir) -> CsvReport.render(run.report())),
                new SummaryFormat(segments),
                new FileFormat(HlogFiles.DIR + "/", ALWAYS, (run, dir) -> HlogFiles.write(run.report(), dir)),
                new ChartsFormat(),
                FileFormat.text("compare.md", COMPARED, (run, dir) -> RunComparison.document(run.baseline().summary(),
                        run.summary(), run.baseline().name(), dir.toString())),
                FileFormat.text(HtmlReport.MARKDOWN, ALWAYS, (run, dir) -> markdown(run, dir) + markdownAppendix),
                new BestEffort(new FileFormat(HtmlReport.FILE, NOT_STOPPED, (run, dir) -> HtmlReport.write(dir))),
                new BestEffort(new FileFormat(HtmlCompare.FILE, COMPARED.and(NOT_STOPPED), (run, dir) -> HtmlCompare.write(
                        run.baseline().dir(), dir, run.baseline().name(), dir.toString(), dir.resolve(HtmlCompare.FILE)))));
    }

    private final List<ReportFormat> formats;

    private ReportWriter(List<ReportFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every output bench writes. */
    public static ReportWriter everyOutput() {
        return everyOutputWith("", null);
    }

    /**
     * Every output bench writes, with a section of its own at the end of report.md and merge's
     * segments in summary.json.
     */
    public static ReportWriter everyOutputWith(String markdownAppendix, SummarySegments segments) {
        return new ReportWriter(formats(markdownAppendix, segments));
    }

    /** Writes the outputs into {@code dir}; returns the warnings of those that could not be made. */
    public List<String> write(AnalysedRun run, Path dir) throws IOException {
        AnalysedRun written = run;
        for (ReportFormat format : formats) {
            if (format.writesFor(written)) {
                written = format.write(written, dir);
            }
        }
        return written.warnings();
    }

    /** report.md, linking the charts drawn; beside a baseline it ends with what changed since then. */
    private static String markdown(AnalysedRun run, Path dir) {
        String markdown = MarkdownReport.render(run.report(), run.charts(), run.chartsMissing());
        Baseline baseline = run.baseline();
        return baseline == null ? markdown
                : markdown + RunComparison.section(baseline.summary(), run.summary(), baseline.name());
    }
}
