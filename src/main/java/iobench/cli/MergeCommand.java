package iobench.cli;

import iobench.core.ExitException;
import iobench.run.MergeRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true)
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the merged report.")
    Path outDir;

    @Parameters(paramLabel = "SEGMENT_DIR", arity = "1..*",
            description = "The report directories of the segments (each with segment.json and runs.json), any order.")
    List<Path> segmentDirs = new ArrayList<>();

    @Override
    public Integer call() {
        // Everything is checked and merged before the first file is written: a report is whole or absent.
        MergeRun merge = MergeRun.load(segmentDirs);
        checkOut();
        return merge.write(outDir, "iobench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private void checkOut() {
        // Writing into a segment would replace its report.md, results.csv and the rest with the
        // merged ones: the segment's own figures lost, and the directory no longer that segment.
        Path out = real(outDir);
        for (Path segment : segmentDirs) {
            if (out.startsWith(real(segment))) {
                throw ExitException.invalidInput("--out " + outDir + " is " + (out.equals(real(segment)) ? "" : "inside ")
                        + "segment directory " + segment + "; expected a directory outside every segment");
            }
        }
        ReportDirs.writable(outDir);
    }

    /** The path with symbolic links resolved as far as it exists, so that two names of one directory compare equal. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
