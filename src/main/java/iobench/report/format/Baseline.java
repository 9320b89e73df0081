package iobench.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.report.SummaryJson;
import java.nio.file.Path;

/** An earlier run's report directory and its summary.json, to set this run's figures beside. */
public record Baseline(Path dir, JsonNode summary) {
    /** Read before the run starts, so that a directory that is no report is refused at once. */
    public static Baseline read(Path dir) throws SummaryJson.NotASummaryException {
        return new Baseline(dir, SummaryJson.read(dir));
    }

    /** What the comparisons call it: the directory as the user gave it. */
    public String name() {
        return dir.toString();
    }
}
