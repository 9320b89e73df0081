package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.BenchPlan;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioFileParser;
import iobench.bench.contender.Contender;
import iobench.analysis.Model;
import iobench.analysis.ModelParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline's slots follow from the start, the file and the model alone: two segments that
 * spend their phases differently (one sends a fan-out, the other nothing) take the same slots,
 * and a phase that ends after its slot is recorded with its overrun, without moving the slots after it.
 */
class TimelineTest {
    private static final BenchPlan PLAN = ScenarioFileParser.parse("t.yaml", """
            defaults: {repetitions: 2, warmup: 0, servers: [sync]}
            scenarios:
              - {name: fan, kind: fan-out, delay: 0.1, concurrent: 4}
              - {name: crowd, kind: clients, delay: 0.05, clients: 4, requests: 8}
            """, ScenarioFileParser.Caps.of(60_000, 1000), List.of());
    private static final RunModel MODEL = Model.forSlots(ModelParams.of(8, 32, List.of()));

    /** Walks the plan as the runner does; {@code busyMs} per measured phase of scenario 'fan' on this segment. */
    private static List<PhaseTiming> walk(Timeline timeline, long busyMs) throws InterruptedException {
        for (Scenario s : PLAN.scenarios()) {
            timeline.warmup(s, Contender.SYNC);
            timeline.ended();
            for (int rep = 1; rep <= s.repetitions(); rep++) {
                timeline.measured(s, Contender.SYNC, rep);
                if (s.name().equals("fan")) {
                    Thread.sleep(busyMs);
                }
                timeline.ended();
            }
        }
        return timeline.phases();
    }

    @Test
    void segmentsThatSpendTheirPhasesDifferentlyTakeTheSameSlots() throws InterruptedException {
        // A start an hour ago: every slot has begun, so nothing sleeps.
        long origin = System.currentTimeMillis() - 3_600_000;
        List<PhaseTiming> sends = walk(new Timeline(origin, PLAN, MODEL), 20);
        List<PhaseTiming> idle = walk(new Timeline(origin, PLAN, MODEL), 0);
        assertEquals(6, sends.size());
        List<Long> expected = new ArrayList<>();
        long at = origin;
        // fan: the first request (10 ms: 1013 ms), 2 x (4 x 0.1 s x 1.25 + 1 s); crowd: no first request and
        // warm-up 0 (an empty slot), 2 x (2 waves x 50 ms x 1.25 + 1 s).
        for (long slot : new long[] {1_013, 1_500, 1_500, 0, 1_125, 1_125}) {
            expected.add(at);
            at += slot;
        }
        assertEquals(expected, sends.stream().map(PhaseTiming::slotStartEpochMs).toList());
        assertEquals(expected, idle.stream().map(PhaseTiming::slotStartEpochMs).toList());
        assertEquals(at - origin, Timeline.plannedMs(PLAN, MODEL));
    }

    @Test
    void aPhaseEndedAfterItsSlotIsRecordedWithItsOverrun() throws InterruptedException {
        long origin = System.currentTimeMillis() - 3_600_000;
        PhaseTiming first = walk(new Timeline(origin, PLAN, MODEL), 0).get(0);
        assertEquals(origin + 1_013, first.slotEndEpochMs());
        assertTrue(first.overrunMs() >= 3_600_000 - 1_013, first.toString());
        assertEquals("'fan' sync warm-up", first.label());
    }

    @Test
    void aSegmentSleepsUntilItsSlotBegins() throws InterruptedException {
        long origin = System.currentTimeMillis() + 300;
        Timeline timeline = new Timeline(origin, PLAN, MODEL);
        long deadlineNs = timeline.warmup(PLAN.scenarios().get(0), Contender.SYNC);
        long now = System.currentTimeMillis();
        timeline.ended();
        assertTrue(now >= origin, "began " + (origin - now) + " ms early");
        // The warm-up's rounds must end half a second before the slot does.
        long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
        assertTrue(leftMs <= 1_013 - 500, leftMs + " ms left for the rounds");
        assertEquals(PhaseTiming.class, timeline.phases().get(0).getClass());
        assertEquals(0, timeline.phases().get(0).overrunMs());
    }
}
