package iobench.cli;

import iobench.core.ExitException;
import iobench.report.ReportDirectory;
import iobench.report.summary.SummaryFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Report directories named on the command line (--out, --baseline, compare's A and B), checked the same way everywhere. */
final class ReportDirs {
    /** Reads something from a report directory; a directory without a summary.json of ours is not one. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path dir) throws SummaryFile.NotASummaryException;
    }

    private ReportDirs() {
    }

    /** What {@code reader} reads from {@code dir}; a directory that is not a report is invalid input. */
    static <T> T read(Path dir, Reader<T> reader) {
        try {
            return reader.read(dir);
        } catch (SummaryFile.NotASummaryException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /**
     * {@code --out}, checked to be a directory this process can write before any work starts: a
     * report that cannot be written at the end would lose the whole run.
     */
    static Path writable(Path outDir) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw ExitException.invalidInput("--out " + outDir + " is a file; expected a directory to write the report in");
        }
        try {
            ReportDirectory.check(outDir);
        } catch (ReportDirectory.NotWritableException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
        return outDir;
    }
}
