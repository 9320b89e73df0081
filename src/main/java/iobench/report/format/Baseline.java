package iobench.report.format;

import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import java.nio.file.Path;

/** An earlier run's report directory and its summary.json, to set this run's figures beside. */
public record Baseline(Path dir, Summary summary) {
    /** Read before the run starts, so that a directory that is no report is refused at once. */
    public static Baseline read(Path dir) throws SummaryFile.NotASummaryException {
        return new Baseline(dir, SummaryFile.read(dir));
    }

    /** What the comparisons call it: the directory as the user gave it. */
    public String name() {
        return dir.toString();
    }
}
