package iobench.report.format;

import iobench.report.CsvReport;
import iobench.report.HlogFiles;
import iobench.report.HtmlCompare;
import iobench.report.HtmlReport;
import iobench.report.MarkdownReport;
import iobench.report.RunComparison;
import iobench.report.doc.Document;
import iobench.report.doc.MarkdownWriter;
import iobench.report.doc.Section;
import iobench.report.summary.SummarySegments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes every output of a run, in the order that protects the data: results.csv, warmup.csv and
 * summary.json first (should a document fail, the figures are not lost), then hlog/, the charts,
 * compare.md beside a baseline, the Markdown, and last the pages, whose failure only warns. report.md
 * and report.html print the same sections, made once from the run; no output reads another back.
 * Any other failure ends the writing with its exception.
 */
public final class ReportWriter {
    private static final Predicate<AnalysedRun> ALWAYS = run -> true;
    private static final Predicate<AnalysedRun> COMPARED = run -> run.baseline() != null;
    /** A stopped run gets no pages: bench ends at once; {@code iobench report DIR} makes them later. */
    private static final Predicate<AnalysedRun> NOT_STOPPED = run -> !run.stopped();

    /**
     * The outputs in writing order; {@code appendix} ends report.md (and report.html) and
     * merge's {@code segments} go into summary.json (empty and null for bench).
     */
    private static List<ReportFormat> formats(List<Section> appendix, SummarySegments segments) {
        return List.of(
                FileFormat.text(CsvReport.FILE, ALWAYS, (run, dir) -> CsvReport.render(run.report())),
                // Always, only its header when no round ran: a directory written again never keeps an
                // earlier run's warm-ups beside the new results.csv.
                FileFormat.text(CsvReport.WARMUP_FILE, ALWAYS, (run, dir) -> CsvReport.renderWarmups(run.report())),
                new SummaryFormat(segments),
                new FileFormat(HlogFiles.DIR + "/", ALWAYS, (run, dir) -> HlogFiles.write(run.report(), dir)),
                new ChartsFormat(),
                FileFormat.text("compare.md", COMPARED, (run, dir) -> RunComparison.document(run.baseline().summary(),
                        run.summary(), run.baseline().name(), dir.toString())),
                FileFormat.text(HtmlReport.MARKDOWN, ALWAYS, (run, dir) -> MarkdownWriter.write(document(run, appendix))),
                new BestEffort(new FileFormat(HtmlReport.FILE, NOT_STOPPED, (run, dir) -> HtmlReport.write(dir,
                        run.report(), run.summary(), document(run, appendix)))),
                new BestEffort(new FileFormat(HtmlCompare.FILE, COMPARED.and(NOT_STOPPED), (run, dir) -> HtmlCompare.write(
                        run.baseline().dir(), dir, run.baseline().name(), dir.toString(), dir.resolve(HtmlCompare.FILE)))));
    }

    private final List<ReportFormat> formats;

    private ReportWriter(List<ReportFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every output bench writes. */
    public static ReportWriter everyOutput() {
        return everyOutputWith(List.of(), null);
    }

    /**
     * Every output bench writes, with a section of its own at the end of report.md and merge's
     * segments in summary.json.
     */
    public static ReportWriter everyOutputWith(List<Section> appendix, SummarySegments segments) {
        return new ReportWriter(formats(appendix, segments));
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

    /**
     * report.md's sections, linking the charts drawn; beside a baseline they end with what changed
     * since then, and then with the appendix.
     */
    private static Document document(AnalysedRun run, List<Section> appendix) {
        Document document = MarkdownReport.document(run.report(), run.charts(), run.chartsMissing());
        Baseline baseline = run.baseline();
        if (baseline != null) {
            document = document.with(List.of(RunComparison.section(baseline.summary(), run.summary(), baseline.name())));
        }
        return document.with(appendix);
    }
}
