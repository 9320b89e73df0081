package iobench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-call costs over the measured repetitions: totals over calls, the repetitions' range, and "too few calls". */
class CostSummaryTest {
    private static RunResult run(int rep, int requests, double cpuMsPerCall) {
        return RunBuilder.run("s", ScenarioKind.CLIENTS, Contender.ASYNC).repetition(rep)
                .offered(20, 1, 50, requests).outcome(requests, 0, Map.of()).durationNs(1_000_000_000L)
                .latency(RunBuilder.latency(20, 21, 22, 23, requests))
                .costs(new RunCosts(cpuMsPerCall, 40.0 + rep, 5, -1, Double.NaN, "threads")).build();
    }

    @Test
    void enoughCallsGiveTheTotalPerCallWithTheRangeOfTheRepetitions() {
        CostSummary c = CostSummary.of(List.of(run(1, 1000, 0.2), run(2, 1000, 0.1), run(3, 2000, 0.4)));
        assertTrue(c.enoughWork());
        assertEquals(4000, c.calls());
        // (0.2 x 1000 + 0.1 x 1000 + 0.4 x 2000) / 4000 calls
        assertEquals(0.275, c.cpuMsPerCall(), 1e-9);
        assertEquals(0.1, c.cpuMsMin(), 1e-9);
        assertEquals(0.4, c.cpuMsMax(), 1e-9);
    }

    @Test
    void fewerThan2000CallsAndUnder2sOfCpuAreTooFewToShow() {
        CostSummary few = CostSummary.of(List.of(run(1, 600, 0.5), run(2, 600, 0.5), run(3, 600, 0.5)));
        assertFalse(few.enoughWork(), "1,800 calls, 0.9 s of CPU");
        CostSummary costly = CostSummary.of(List.of(run(1, 600, 2.0), run(2, 600, 2.0)));
        assertTrue(costly.enoughWork(), "1,200 calls, but 2.4 s of CPU");
    }
}
