package iobench.report.format;

import java.io.IOException;
import java.nio.file.Path;

/** An output whose failure loses nothing else: it becomes a warning, and the run keeps its report. */
record BestEffort(ReportFormat format) implements ReportFormat {
    @Override
    public String file() {
        return format.file();
    }

    @Override
    public boolean writesFor(AnalysedRun run) {
        return format.writesFor(run);
    }

    @Override
    public AnalysedRun write(AnalysedRun run, Path dir) {
        try {
            return format.write(run, dir);
        } catch (IOException | RuntimeException e) {
            return run.withWarning(file() + " could not be written: " + e);
        }
    }
}
