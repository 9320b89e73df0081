package iobench.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.core.ReportFiles;
import iobench.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * summary.json: makes the summary tree once, writes it, and hands it to the formats after it
 * (compare.md and report.md compare the same tree). Made here, after results.csv, rather than
 * up front: should the summary fail, the CSV is already on disk.
 */
final class SummaryFormat implements ReportFormat {
    private final Map<String, JsonNode> appendix;

    /** @param appendix keys added to the summary (merge's segments); empty for bench */
    SummaryFormat(Map<String, JsonNode> appendix) {
        this.appendix = Map.copyOf(appendix);
    }

    @Override
    public String file() {
        return SummaryJson.FILE;
    }

    @Override
    public AnalysedRun write(AnalysedRun run, Path dir) throws IOException {
        ObjectNode tree = SummaryJson.tree(run.report());
        appendix.forEach(tree::set);
        ReportFiles.write(dir, SummaryJson.FILE, SummaryJson.text(tree));
        return run.withSummary(tree);
    }
}
