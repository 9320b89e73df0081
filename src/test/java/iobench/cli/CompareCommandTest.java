package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final Path A = Path.of("src/test/resources/compare/a");
    private static final Path B = Path.of("src/test/resources/compare/b");

    @Test
    void twoReportDirectoriesPrintTheGoldenComparison() throws IOException {
        CliRun r = CliRun.of("compare", A.toString(), B.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String golden = Files.readString(Path.of("src/test/resources/compare/compare.md"), StandardCharsets.UTF_8)
                .replace("- **A**: a ", "- **A**: " + A + " ").replace("- **B**: b ", "- **B**: " + B + " ");
        assertEquals(golden, r.out());
    }

    @Test
    void aMissingDirectoryEndsWithExitCode2AndOneLine(@TempDir Path dir) {
        CliRun r = CliRun.of("compare", A.toString(), dir.resolve("nope").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("iobench: " + dir.resolve("nope") + " is not a directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDirectoryWithoutAnIobenchSummaryEndsWithExitCode2AndOneLine(@TempDir Path dir) throws IOException {
        CliRun empty = CliRun.of("compare", dir.toString(), B.toString());
        assertEquals(2, empty.exitCode(), empty::toString);
        assertEquals(1, empty.err().lines().count(), empty.err());
        assertTrue(empty.err().contains("has no readable summary.json"), empty.err());

        Files.writeString(dir.resolve("summary.json"), "[1, 2, 3]");
        CliRun other = CliRun.of("compare", dir.toString(), B.toString());
        assertEquals(2, other.exitCode(), other::toString);
        assertEquals(1, other.err().lines().count(), other.err());
        assertTrue(other.err().contains("is not an iobench summary"), other.err());
    }

    @Test
    void benchRefusesABaselineWithoutASummaryBeforeItRunsAnything(@TempDir Path dir) {
        CliRun r = CliRun.of("bench", "--baseline", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing ran");
    }

    @Test
    void theHelpListsCompareAndTheExitCodes() {
        CliRun r = CliRun.of("--help");
        assertTrue(r.out().contains("compare"), r.out());
        CliRun compare = CliRun.of("compare", "--help");
        assertTrue(compare.out().contains("4    a gate failed: a threshold broken"), compare.out());
    }
}
