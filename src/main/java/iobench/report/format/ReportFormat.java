package iobench.report.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One output of a bench run (results.csv, summary.json, report.md, ...), written from the run
 * analysed once ({@link AnalysedRun}); {@link ReportWriter} writes them all in order.
 */
public interface ReportFormat {
    /** What it writes, relative to the report directory: for messages. */
    String file();

    /** Whether this run has this output at all: compare.md only beside a baseline, for one. */
    default boolean writesFor(AnalysedRun run) {
        return true;
    }

    /**
     * Writes it into {@code dir}. Returns the run as the formats after this one see it: {@code run}
     * itself, unless this one learnt something they need (which charts were drawn, a warning).
     */
    AnalysedRun write(AnalysedRun run, Path dir) throws IOException;
}
