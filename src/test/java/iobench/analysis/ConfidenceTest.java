package iobench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.Contender;
import org.junit.jupiter.api.Test;

class ConfidenceTest {
    @Test
    void identicalRatiosGiveAnIntervalOfZeroWidth() {
        Confidence.Interval i = Confidence.ratio(new double[] {2, 4, 6}, new double[] {1, 2, 3});
        assertEquals(2.0, i.estimate(), 1e-12);
        assertEquals(2.0, i.low(), 1e-12);
        assertEquals(2.0, i.high(), 1e-12);
        assertEquals(3, i.n());
        assertTrue(i.significant());
        assertEquals("significant", i.word());
    }

    /**
     * Ratios 2, 4, 8: logs are ln 2 · (1, 2, 3), mean ln 4, standard deviation ln 2; with t(2) = 4.303
     * the half-width is 4.303 · ln 2 / sqrt 3 = 1.72205, so [4 · e^-1.72205, 4 · e^1.72205] = [0.7148, 22.383].
     */
    @Test
    void threeRatiosUseStudentTWithTwoDegreesOfFreedom() {
        Confidence.Interval i = Confidence.ratio(new double[] {2, 4, 8}, new double[] {1, 1, 1});
        assertEquals(4.0, i.estimate(), 1e-9);
        assertEquals(0.7148, i.low(), 1e-4);
        assertEquals(22.383, i.high(), 1e-3);
        assertFalse(i.significant(), "the interval holds 1");
        assertEquals("not significant", i.word());
    }

    @Test
    void oneRatioHasNoInterval() {
        Confidence.Interval i = Confidence.ratio(new double[] {3}, new double[] {1});
        assertEquals(3.0, i.estimate(), 1e-12);
        assertTrue(Double.isNaN(i.low()));
        assertEquals("too few repetitions", i.word());
        assertEquals("3.00x [–] too few repetitions",
                new Comparison(Contender.ASYNC, 3.0, 3.0, "good", i).cell());
    }

    @Test
    void pairsWithANonPositiveSideAreLeftOut() {
        Confidence.Interval i = Confidence.ratio(new double[] {2, 0, 2}, new double[] {1, 1, 1});
        assertEquals(2, i.n());
    }

    @Test
    void aCellShowsThePointTheIntervalAndTheWord() {
        Comparison c = new Comparison(Contender.ASYNC, 9.714, 10, "excellent",
                new Confidence.Interval(9.66, 8.896, 10.48, 3));
        assertEquals("9.71x [8.90–10.5] significant", c.cell());
        assertEquals("not valid", new Comparison(Contender.ASYNC, Double.NaN, 10, "not valid",
                Comparison.NO_INTERVAL).cell());
    }
}
