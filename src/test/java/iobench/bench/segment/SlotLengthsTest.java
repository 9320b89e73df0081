package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.scenario.BenchPlan;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioFileParser;
import iobench.bench.contender.Contender;
import iobench.analysis.Model;
import iobench.analysis.ModelParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every slot of a file, derived by hand from the model (sync: a pool of 8 threads, 32 for a
 * parallel fan-out; async: one wave): a slot is the model's time x 1.25 + 1000 ms. Warm-ups at
 * the 10 ms warm-up delay; auto's first phase of a server and shape is its 10 s cap, with the
 * server's first request (10 ms: 13 + 1000 ms) in its first phase.
 */
class SlotLengthsTest {
    private static final String FILE = """
            defaults: {repetitions: 2, servers: [sync, async]}
            scenarios:
              - {name: fan, kind: fan-out, delay: 0.3, concurrent: 50}
              - {name: fan2, kind: fan-out, delay: 0.1, concurrent: 5}
              - {name: crowd, kind: clients, delay: 0.2, clients: 100, requests: 300}
              - {name: cap, kind: rate, delay: 0.1, rate: [40, 160], duration: 5s}
            """;
    private static final RunModel MODEL = Model.forSlots(ModelParams.of(8, 32, List.of()));

    private static BenchPlan plan(String text) {
        return ScenarioFileParser.parse("t.yaml", text, ScenarioFileParser.Caps.of(60_000, 1000), List.of());
    }

    private static Scenario scenario(BenchPlan plan, String name) {
        return plan.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMeasuredRunsSlotIsItsModelTimeWithAQuarterAndASecondMore() {
        BenchPlan plan = plan(FILE);
        SlotLengths lengths = new SlotLengths(plan, MODEL);
        // 50 sequential calls of 0.3 s: 15 s; async one wave, 0.3 s.
        assertEquals(19_750, lengths.measuredMs(scenario(plan, "fan"), Contender.SYNC));
        assertEquals(1_375, lengths.measuredMs(scenario(plan, "fan"), Contender.ASYNC));
        // 300 requests on 8 threads: 38 waves of 0.2 s, 7.6 s; async 3 waves, 0.6 s.
        assertEquals(10_500, lengths.measuredMs(scenario(plan, "crowd"), Contender.SYNC));
        assertEquals(1_750, lengths.measuredMs(scenario(plan, "crowd"), Contender.ASYNC));
        List<? extends Scenario> steps = scenario(plan, "cap").measuredSteps();
        // 40/s for 5 s keeps 4 in flight: sync keeps up, 5 s + the last delay, 5.1 s.
        assertEquals(7_375, lengths.measuredMs(steps.get(0), Contender.SYNC));
        // 160/s needs 16 at once, sync serves 8: 800 requests in 100 waves of 0.1 s, 10.1 s x 1.25 + 1 s = 13.6 s,
        // over the longest a rate run can take: 20 ms lead + 5 s + 5 s drain + 2 s slack, and a second.
        assertEquals(13_020, lengths.measuredMs(steps.get(1), Contender.SYNC));
        assertEquals(7_375, lengths.measuredMs(steps.get(1), Contender.ASYNC));
    }

    @Test
    void warmupsAreTimeBoxedByTheModeAndTheServersFirstPhaseOfAShapeGetsTheCap() {
        BenchPlan plan = plan(FILE);
        SlotLengths lengths = new SlotLengths(plan, MODEL);
        // First phase of sync and async: the first request, then auto's 10 s cap (a round of 8 requests of
        // 50 calls at 10 ms is 0.5 s on sync, under the cap).
        assertEquals(11_013, lengths.warmupMs(scenario(plan, "fan"), Contender.SYNC));
        assertEquals(11_013, lengths.warmupMs(scenario(plan, "fan"), Contender.ASYNC));
        // A shape met before: 3 rounds. fan2's round is 96 requests of 5 calls from 32 clients: sync 12 waves
        // of 5 x 10 ms, 0.6 s; async 3 waves of 10 ms.
        assertEquals(3_250, lengths.warmupMs(scenario(plan, "fan2"), Contender.SYNC));
        assertEquals(1_113, lengths.warmupMs(scenario(plan, "fan2"), Contender.ASYNC));
        // New shapes: clients, then rate.
        assertEquals(10_000, lengths.warmupMs(scenario(plan, "crowd"), Contender.SYNC));
        assertEquals(10_000, lengths.warmupMs(scenario(plan, "cap"), Contender.ASYNC));
    }

    @Test
    void roundsAndTimedWarmupsGetTheirRoundsOrTimeAndNoWarmupOnlyTheFirstRequest() {
        String crowd = "scenarios:\n  - {name: crowd, kind: clients, delay: 0.2, clients: 100, requests: 300}\n";
        // A round: 400 requests on 8 threads, 50 waves of 10 ms.
        BenchPlan rounds = plan("defaults: {warmup: 3, servers: [sync]}\n" + crowd);
        assertEquals(1_013 + 2_875, new SlotLengths(rounds, MODEL).warmupMs(rounds.scenarios().get(0), Contender.SYNC));
        BenchPlan timed = plan("defaults: {warmup: 4s, servers: [sync]}\n" + crowd);
        assertEquals(1_013 + 4_000 + 1_625, new SlotLengths(timed, MODEL).warmupMs(timed.scenarios().get(0),
                Contender.SYNC));
        BenchPlan none = plan("defaults: {warmup: 0, servers: [sync]}\n" + crowd);
        SlotLengths lengths = new SlotLengths(none, MODEL);
        assertEquals(1_013, lengths.warmupMs(none.scenarios().get(0), Contender.SYNC));
        assertEquals(0, lengths.warmupMs(none.scenarios().get(0), Contender.SYNC), "the first request is made once");
    }

    /** The planned length is every slot summed: the same walk as the runner's. */
    @Test
    void thePlannedTimelineIsEverySlotOfTheFile() {
        long warmups = 11_013 + 11_013 + 3_250 + 1_113 + 10_000 + 10_000 + 10_000 + 10_000;
        // Per repetition: fan, fan2 (5 x 0.1 s on sync, 0.1 s async), crowd, and both steps of cap on both servers.
        long perRepetition = 19_750 + 1_375 + 1_625 + 1_125 + 10_500 + 1_750 + 7_375 + 7_375 + 13_020 + 7_375;
        assertEquals(warmups + 2 * perRepetition, Timeline.plannedMs(plan(FILE), MODEL));
    }
}
