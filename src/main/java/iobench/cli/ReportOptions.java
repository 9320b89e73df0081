package iobench.cli;

import iobench.report.format.Baseline;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/**
 * Where bench writes its report and what it compares it with. Both are checked before a server
 * starts: a report that cannot be written at the end would lose the whole run.
 */
final class ReportOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: reports/<yyyyMMdd-HHmmss>).")
    Path outDir;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "A report directory of an earlier run: compare.md and a section of report.md set every "
                    + "figure beside it, with the change and whether it is beyond the noise.")
    Path baselineDir;

    /** The earlier run given, read now; or null. */
    Baseline baseline() {
        return baselineDir == null ? null : ReportDirs.read(baselineDir, Baseline::read);
    }

    /** --out, else reports/<yyyyMMdd-HHmmss> of now; checked to be a directory this process can write. */
    Path reportDir() {
        return ReportDirs.writable(outDir != null ? outDir
                : Path.of("reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    }
}
