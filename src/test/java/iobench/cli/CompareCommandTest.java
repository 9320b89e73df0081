package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final Path A = Path.of("src/test/resources/compare/a");
    private static final Path B = Path.of("src/test/resources/compare/b");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void twoReportDirectoriesPrintTheGoldenComparison() throws IOException {
        Result r = run("compare", A.toString(), B.toString());
        assertEquals(0, r.code(), r::toString);
        String golden = Files.readString(Path.of("src/test/resources/compare/compare.md"), StandardCharsets.UTF_8)
                .replace("- **A**: a ", "- **A**: " + A + " ").replace("- **B**: b ", "- **B**: " + B + " ");
        assertEquals(golden, r.out());
    }

    @Test
    void aMissingDirectoryEndsWithExitCode2AndOneLine(@TempDir Path dir) {
        Result r = run("compare", A.toString(), dir.resolve("nope").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("iobench: " + dir.resolve("nope") + " is not a directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDirectoryWithoutAnIobenchSummaryEndsWithExitCode2AndOneLine(@TempDir Path dir) throws IOException {
        Result empty = run("compare", dir.toString(), B.toString());
        assertEquals(2, empty.code(), empty::toString);
        assertEquals(1, empty.err().lines().count(), empty.err());
        assertTrue(empty.err().contains("has no readable summary.json"), empty.err());

        Files.writeString(dir.resolve("summary.json"), "[1, 2, 3]");
        Result other = run("compare", dir.toString(), B.toString());
        assertEquals(2, other.code(), other::toString);
        assertEquals(1, other.err().lines().count(), other.err());
        assertTrue(other.err().contains("is not an iobench summary"), other.err());
    }

    @Test
    void benchRefusesABaselineWithoutASummaryBeforeItRunsAnything(@TempDir Path dir) {
        Result r = run("bench", "--baseline", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing ran");
    }

    @Test
    void theHelpListsCompareAndTheExitCodes() {
        Result r = run("--help");
        assertTrue(r.out().contains("compare"), r.out());
        Result compare = run("compare", "--help");
        assertTrue(compare.out().contains("1    finished, but a threshold was broken"), compare.out());
    }
}
