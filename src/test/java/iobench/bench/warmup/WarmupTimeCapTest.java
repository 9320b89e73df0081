package iobench.bench.warmup;

import iobench.core.Strategy;
import iobench.scenario.Warmup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.RateScenario;
import iobench.scenario.RateSpec;
import iobench.scenario.Scenario;
import iobench.bench.contender.Target;
import iobench.bench.load.ClientsRun;
import iobench.bench.load.LoadClient;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A warm-up phase gives up at its time even inside a round. A URL that ignores the warm-up delay
 * (its delay is written into it) and a rate scenario that asks none (an ad-hoc run's) make a round
 * of one client and about 400 requests of 0.1 s: 40 s. With a 1 s cap the phase must end near 1 s.
 */
class WarmupTimeCapTest {
    @Test
    @Timeout(30)
    void aRoundStartsNoRequestOnceThePhasesTimeIsOver() throws Exception {
        try (RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
             LoadClient client = new LoadClient()) {
            Target target = Target.parseOption("plain=" + sim.baseUri() + "/slow-io?delay=0.1");
            RateScenario scenario = new RateScenario(new Scenario.Common("r", 0, 1, List.of(target.contender()),
                    Strategy.SEQUENTIAL, null), new RateSpec(List.of(40), 1_000, 0, null));
            WarmupShape shape = WarmupShape.of(scenario);
            assertEquals(1, shape.clients(), "rate x delay 0: one request in flight");
            assertTrue(shape.requests() >= 400, shape.toString());

            long startNs = System.nanoTime();
            WarmupOutcome outcome = WarmupPhase.run(scenario, target.contender(), Warmup.auto(60_000, 1_000),
                    JitClock.UNKNOWN, null, (round, timeLimitMs) -> ClientsRun.run(client, target, scenario, 0,
                            round.concurrent(), round.clients(), round.requests(), timeLimitMs, 0, true), step -> { });
            double seconds = (System.nanoTime() - startNs) / 1e9;

            assertTrue(outcome.capped(), outcome.toString());
            assertFalse(outcome.steady(), outcome.toString());
            assertEquals(1, outcome.rounds(), outcome.toString());
            // One client, 0.1 s each: about 10 calls in the second, never the round's 400.
            assertTrue(outcome.calls() >= 1 && outcome.calls() <= 11, outcome.toString());
            assertTrue(seconds >= 1.0 && seconds < 5, "the phase took " + seconds + " s");
        }
    }
}
