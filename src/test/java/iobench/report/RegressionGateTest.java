package iobench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import iobench.testing.Summaries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate on the fixed directories of {@link RunComparisonTest}, whose compare.md shows every
 * figure it judges. In B, fan-seq sync took 10 % longer: duration 1.020 -> 1.122 (+10.0 %) and
 * throughput 9.8 -> 8.9 (-9.1 %), both beyond the noise; clients-100 async moved within its noise
 * (-0.5 %); nothing else changed. Both hold the scenario "broken", not valid, which the tests
 * that need a sound B take out of both trees.
 */
class RegressionGateTest {
    private static final Path DIR = Path.of("src/test/resources/compare");

    private static Summary read(String side) throws IOException {
        return SummaryFile.read(DIR.resolve(side));
    }

    /** The summary without its scenario "broken" (the only one not valid). */
    private static Summary sound(Summary summary) {
        return Summaries.withoutScenariosNotValid(summary);
    }

    private static List<String> sentences(RegressionGate.Verdict v) {
        return v.regressions().stream().map(RegressionGate.Regression::sentence).toList();
    }

    @Test
    void aFigureWorseByMoreThanTheLimitAndBeyondTheNoiseFailsTheGate() throws IOException {
        RegressionGate.Verdict v = RegressionGate.check(sound(read("a")), sound(read("b")), 9);
        assertTrue(v.sound());
        assertFalse(v.passed());
        assertEquals(List.of("fan-seq, sync: duration s 1.020 -> 1.122 (+10.0 %)",
                "fan-seq, sync: throughput/s 9.8 -> 8.9 (-9.1 %)"), sentences(v));
        // fan-seq: 3 servers, clients-100: 2, three gated figures each; fan-par is only in A.
        assertEquals(15, v.judged());
        assertEquals(0, v.notJudged());
        assertEquals("--max-regression 9: 2 figures of B worse than A's by more than the limit, beyond the noise "
                + "(15 figures judged) (exit 4)", v.lines().get(2));
    }

    @Test
    void theLimitIsComparedWithTheChangeAsTheTableShowsIt() throws IOException {
        // +10.0 % is not more than 10 %; -9.1 % is more than 9.05 %, +10.0 % more than 9.95 %.
        assertEquals(List.of(), sentences(RegressionGate.check(sound(read("a")), sound(read("b")), 10)));
        assertEquals(List.of("fan-seq, sync: duration s 1.020 -> 1.122 (+10.0 %)"),
                sentences(RegressionGate.check(sound(read("a")), sound(read("b")), 9.95)));
    }

    @Test
    void aChangeWithinTheNoiseNeverFailsTheGateHoweverSmallTheLimit() throws IOException {
        // clients-100 async: -0.5 % duration with overlapping ranges; the limit 0 lets only the noise decide.
        List<String> at0 = sentences(RegressionGate.check(sound(read("a")), sound(read("b")), 0));
        assertEquals(2, at0.size(), at0.toString());
        assertTrue(at0.stream().allMatch(s -> s.startsWith("fan-seq, sync: ")), at0.toString());
    }

    @Test
    void aRunAgainstItselfPasses() throws IOException {
        Summary a = sound(read("a"));
        RegressionGate.Verdict v = RegressionGate.check(a, a, 0);
        assertTrue(v.passed());
        assertEquals(List.of("--max-regression 0: no throughput, duration or p99 of B worse than A's by more than "
                + "the limit, beyond the noise (21 figures judged)"), v.lines());
    }

    @Test
    void betterFiguresAreNoRegression() throws IOException {
        // B against A the other way round: fan-seq sync 10 % faster.
        assertTrue(RegressionGate.check(sound(read("b")), sound(read("a")), 0).passed());
    }

    @Test
    void aFigureOfOneRepetitionIsNotJudgedAndTheConsoleSaysHowMany() throws IOException {
        ObjectNode tree = Summaries.tree(sound(read("b")));
        // fan-seq sync measured once in B: its single point says nothing of the noise.
        ((ObjectNode) tree.path("scenarios").get(0).path("servers").get(0)).put("runs", 1);
        Summary b = Summaries.of(tree);
        RegressionGate.Verdict v = RegressionGate.check(sound(read("a")), b, 5);
        assertTrue(v.passed(), v.lines().toString());
        assertEquals(12, v.judged());
        assertEquals(3, v.notJudged());
        assertTrue(v.lines().get(0).endsWith("(12 figures judged; 3 not judged: one repetition, a scenario not valid "
                + "or a figure missing)"), v.lines().toString());
        // The table says the same: "–" where it cannot tell.
        String md = RunComparison.document(sound(read("a")), b, "a", "b");
        assertTrue(md.contains("| fan-seq | sync | duration s | 1.020 (1.010–1.030) | 1.122 (1.111–1.133) | +10.0 % | – |"),
                md);
    }

    @Test
    void aRunBWithAScenarioNotValidIsNotSoundWhateverItsFigures() throws IOException {
        RegressionGate.Verdict v = RegressionGate.check(read("a"), read("b"), 5);
        assertFalse(v.sound());
        assertFalse(v.passed());
        assertEquals("B scenario broken is not valid: async: 7 failed (downstream-refused 6, timeout 1)",
                v.lines().get(0));
        assertTrue(v.lines().get(v.lines().size() - 1).startsWith("--max-regression 5: B is not a sound run, so no "
                + "gate can pass it (exit 1); 2 figures of B worse"), v.lines().toString());
        // The scenario not valid is in both: its figures are not judged.
        assertEquals(6, v.notJudged());
    }

    @Test
    void anIncompleteRunBIsNotSound() throws IOException {
        ObjectNode tree = Summaries.tree(sound(read("a")));
        tree.put("complete", false).put("incomplete_reason", "stopped by SIGINT after 3 of 9 runs");
        Summary b = Summaries.of(tree);
        RegressionGate.Verdict v = RegressionGate.check(sound(read("a")), b, 10);
        assertEquals(List.of("is INCOMPLETE: stopped by SIGINT after 3 of 9 runs"), v.unsound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10%", " 10 % ", "10.0", "0", "1000"})
    void aLimitIsAPercentageFrom0To1000(String text) {
        double pct = RegressionGate.parseLimitPct(text);
        assertTrue(pct == 10 || pct == 0 || pct == 1000, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "-5", "1000.5", "10f", "0x10", "NaN", "Infinity", "1e2", "+10", ".5", "10%%"})
    void anythingElseIsRefusedNamingTheValueAndTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionGate.parseLimitPct(text));
        assertEquals("--max-regression '" + text + "' is not allowed; expected a percentage from 0 to 1000, "
                + "such as 10 or 12.5%", e.getMessage());
    }
}
