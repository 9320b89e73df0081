package iobench.report.format;

import iobench.core.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * An output that only writes: later formats need nothing from it.
 *
 * @param when    which runs have it (compare.md only beside a baseline...)
 * @param writer  writes it into the report directory
 */
record FileFormat(String file, Predicate<AnalysedRun> when, Writer writer) implements ReportFormat {
    @FunctionalInterface
    interface Writer {
        void write(AnalysedRun run, Path dir) throws IOException;
    }

    /** Text rendered whole, then written completely or not at all ({@link ReportFiles}). */
    @FunctionalInterface
    interface Renderer {
        String render(AnalysedRun run, Path dir);
    }

    static FileFormat text(String file, Predicate<AnalysedRun> when, Renderer renderer) {
        return new FileFormat(file, when, (run, dir) -> ReportFiles.write(dir, file, renderer.render(run, dir)));
    }

    @Override
    public boolean writesFor(AnalysedRun run) {
        return when.test(run);
    }

    @Override
    public AnalysedRun write(AnalysedRun run, Path dir) throws IOException {
        writer.write(run, dir);
        return run;
    }
}
