package iobench.report.format;

import iobench.report.charts.Chart;
import iobench.report.charts.ChartWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The PNG charts report.md links. Never fatal: a machine without fonts or AWT still gets its
 * report, which says why the charts are missing. A stopped run draws none: Java2D starting cold
 * took 0.4 s of bench's 2 s to end on an idle 2-core machine and up to 3 s on a busy one.
 */
final class ChartsFormat implements ReportFormat {
    @Override
    public String file() {
        return "*.png";
    }

    @Override
    public AnalysedRun write(AnalysedRun run, Path dir) {
        if (run.stopped()) {
            return run.withCharts(List.of(), "Charts were not drawn: the run was stopped by " + run.stoppedBy()
                    + ", and bench ends at once. results.csv and summary.json hold every figure.");
        }
        try {
            List<Chart> drawn = ChartWriter.write(run.report(), dir);
            return run.withCharts(drawn, null);
        } catch (IOException | RuntimeException | LinkageError e) {
            return run.withCharts(List.of(), "Charts could not be drawn on this machine: " + e);
        }
    }
}
