package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import iobench.testing.CliRun;
import iobench.testing.Summaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertTrue(compare.out().contains("4    a gate failed: a threshold broken, or compare --max-regression"),
                compare.out());
        assertTrue(compare.out().contains("--max-regression=PCT"), compare.out());
    }

    /** A and B of the fixed directories as sound runs (without their scenario not valid), in {@code dir}/a and /b. */
    private static Path[] soundCopies(Path dir) throws IOException {
        Path[] copies = {dir.resolve("a"), dir.resolve("b")};
        Path[] fixed = {A, B};
        for (int i = 0; i < 2; i++) {
            Files.createDirectories(copies[i]);
            Files.writeString(copies[i].resolve(Summary.FILE),
                    SummaryFile.text(Summaries.withoutScenariosNotValid(SummaryFile.read(fixed[i]))));
        }
        return copies;
    }

    @Test
    void aRegressionBeyondTheLimitAndTheNoiseEndsWithExitCode4AndNamesIt(@TempDir Path dir) throws IOException {
        Path[] ab = soundCopies(dir);
        CliRun r = CliRun.of("compare", ab[0].toString(), ab[1].toString(), "--max-regression", "9.5");
        assertEquals(4, r.exitCode(), r::context);
        assertEquals(List.of("iobench: regression beyond the noise: fan-seq, sync: duration s 1.020 -> 1.122 (+10.0 %)",
                "iobench: --max-regression 9.5: 1 figure of B worse than A's by more than the limit, beyond the noise "
                        + "(15 figures judged) (exit 4)"), r.err().lines().toList());
        assertTrue(r.out().startsWith("# iobench compare\n"), "the table is printed as without the gate");

        CliRun within = CliRun.of("compare", ab[0].toString(), ab[1].toString(), "--max-regression", "10%");
        assertEquals(0, within.exitCode(), within::context);
    }

    @Test
    void aRunComparedWithItselfPassesEvenALimitOf0(@TempDir Path dir) throws IOException {
        Path[] ab = soundCopies(dir);
        CliRun r = CliRun.of("compare", ab[0].toString(), ab[0].toString(), "--max-regression", "0");
        assertEquals(0, r.exitCode(), r::context);
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aRunBWithAScenarioNotValidEndsWithExitCode1NotTheGatesCode() {
        // B (the fixed b) holds 'broken', not valid, and a regression beyond 5 %: 1 wins, as in bench.
        CliRun r = CliRun.of("compare", A.toString(), B.toString(), "--max-regression", "5");
        assertEquals(1, r.exitCode(), r::context);
        assertTrue(r.err().startsWith("iobench: B scenario broken is not valid: "), r.err());
        assertTrue(r.err().contains("B is not a sound run, so no gate can pass it (exit 1)"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "1001", "5x"})
    void aBadMaxRegressionEndsWithExitCode2AndOneLineBeforeAnythingIsRead(String value) {
        CliRun r = CliRun.of("compare", A.toString(), B.toString(), "--max-regression", value);
        assertEquals(2, r.exitCode(), r::context);
        assertEquals(List.of("iobench: --max-regression '" + value + "' is not allowed; expected a percentage from 0 "
                + "to 1000, such as 10 or 12.5%"), r.err().lines().toList());
        assertEquals("", r.out());
    }
}
