package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import iobench.bench.contender.Contender;
import iobench.core.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress bar's line for each kind of step, as it read when the steps were strings. */
class ProgressStepTest {
    private static final Scenario.Common COMMON = new Scenario.Common("stress", 300, 3, List.of(Contender.SYNC),
            Strategy.SEQUENTIAL, null);

    @Test
    void aMeasuredRunNamesItsRepetitionAndARateStepItsRate() {
        ProgressStep fanOut = ProgressStep.measured(new FanOutScenario(COMMON, 50), Contender.SYNC, 2);
        assertEquals("stress sync rep 2/3", fanOut.label());
        assertNull(fanOut.ratePerS());
        RateScenario staircase = new RateScenario(COMMON, new RateSpec(List.of(100, 200), 1_000, 0, null));
        ProgressStep step = ProgressStep.measured(staircase.measuredSteps().get(1), Contender.ASYNC, 1);
        assertEquals("stress async 200/s rep 1/3", step.label());
        assertEquals(200, step.ratePerS());
        assertEquals("stress", step.scenario());
    }

    @Test
    void aWarmupCountsItsRoundsOrSaysWhatEndsIt() {
        assertEquals("stress virtual warm-up 1/5", ProgressStep.warmupRound("stress", Contender.VIRTUAL, 1, 5).label());
        assertEquals("stress sync warm-up (20s)", ProgressStep.warmup("stress", Contender.SYNC, "20s").label());
    }
}
