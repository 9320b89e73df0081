package iobench.report.format;

import iobench.core.ReportFiles;
import iobench.report.SummaryJson;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import iobench.report.summary.SummarySegments;
import java.io.IOException;
import java.nio.file.Path;

/**
 * summary.json: makes the summary once, writes it, and hands it to the formats after it
 * (compare.md and report.md compare the same tree). Made here, after results.csv, rather than
 * up front: should the summary fail, the CSV is already on disk.
 */
final class SummaryFormat implements ReportFormat {
    private final SummarySegments segments;

    /** @param segments merge's segments, added to the summary; null for bench */
    SummaryFormat(SummarySegments segments) {
        this.segments = segments;
    }

    @Override
    public String file() {
        return Summary.FILE;
    }

    @Override
    public AnalysedRun write(AnalysedRun run, Path dir) throws IOException {
        Summary summary = SummaryJson.of(run.report()).withSegments(segments);
        ReportFiles.write(dir, Summary.FILE, SummaryFile.text(summary));
        return run.withSummary(summary);
    }
}
