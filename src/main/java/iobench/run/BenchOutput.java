package iobench.run;

import iobench.analysis.BenchReport;
import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.report.ConsoleSummary;
import iobench.report.ReportDirectory;
import iobench.report.format.AnalysedRun;
import iobench.report.format.Baseline;
import iobench.report.format.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What a bench run leaves once it is over, in this order: the figures on the console, a
 * segment's runs.json, every report file, a segment's segment.json (the marker merge waits for),
 * and a last line that says how the run ended.
 */
public final class BenchOutput {
    private final PrintWriter out;
    private final PrintWriter err;

    public BenchOutput(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param earlier a baseline run to set the figures beside, or null
     * @param segment what a segment's files record, or null: bench ran as one generator
     */
    public void write(BenchSession.Outcome outcome, Baseline earlier, Path reportDir, SegmentFiles.Given segment) {
        // A segment file that cannot be written does not cost the report: it is written, the error reported after it.
        String segmentError = null;
        if (segment != null) {
            try {
                SegmentFiles.writeRuns(reportDir, outcome);
            } catch (IOException e) {
                segmentError = "cannot write runs.json: " + ReportDirectory.reason(e);
            }
        }
        finish(outcome, earlier, reportDir);
        if (segment != null && segmentError == null) {
            try {
                SegmentFiles.writeRecord(reportDir, outcome, segment);
            } catch (IOException e) {
                segmentError = "cannot write segment.json: " + ReportDirectory.reason(e);
            }
        }
        if (segmentError != null) {
            throw new ExitException(ExitCodes.FAILED, "segment " + segment.segment() + " in " + reportDir + ": "
                    + segmentError + "; its report is written, but merge cannot use the directory");
        }
    }

    /** The figures on the console, then every report file, then a last line that says how the run ended. */
    private void finish(BenchSession.Outcome outcome, Baseline earlier, Path reportDir) {
        BenchReport report = outcome.report();
        if (!report.complete()) {
            err.println("iobench: INCOMPLETE: " + report.incompleteReason() + "; writing the report of what finished");
            err.flush();
        }
        // The figures reach the console first: should the directory fail now, they are not lost.
        out.println();
        out.print(ConsoleSummary.render(report));
        out.flush();
        List<String> warnings;
        try {
            warnings = ReportWriter.everyOutput().write(AnalysedRun.of(report, earlier, outcome.stoppedBy()), reportDir);
        } catch (IOException e) {
            throw new ExitException(ExitCodes.FAILED, "cannot write the report to " + reportDir + ": "
                    + ReportDirectory.reason(e) + "; the summary above is what this run measured");
        }
        warnings.forEach(w -> err.println("iobench: " + w));
        err.flush();
        if (!report.complete()) {
            // The last line says what happened: a run cut short must not read "Done".
            out.printf("%nINCOMPLETE after %.0f s: %s; report of what finished: %s, data: %s%n", outcome.elapsedS(),
                    report.incompleteReason(), reportDir.resolve("report.md"), reportDir.resolve("results.csv"));
        } else {
            out.printf("%nDone in %.0f s. Report: %s, data: %s%n", outcome.elapsedS(), reportDir.resolve("report.md"),
                    reportDir.resolve("results.csv"));
        }
        out.flush();
    }
}
