package iobench.bench.warmup;

import iobench.core.Strategy;
import iobench.scenario.Warmup;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.ClientsScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import iobench.bench.load.ClientsRun;
import iobench.bench.load.LoadClient;
import iobench.http.RunningServer;
import iobench.core.ServerRole;
import iobench.server.async.AsyncServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A segment's warm-up phase ends within its time box: rounds against the real async server whose
 * JIT (as this stand-in clock says) never settles would go on to auto's 10 s cap; boxed to 1.5 s,
 * the phase stops at the box and says it is not steady.
 */
class WarmupTimeBoxTest {
    @Test
    void anAutoPhaseThatNeverBecomesSteadyStopsAtItsTimeBoxNotItsCap() throws Exception {
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0);
             RunningServer async = AsyncServer.start(TestSettings.loopback(Map.of("sim-url", sim.baseUri().toString())), 0);
             LoadClient client = new LoadClient()) {
            // The calls are real; only the JIT that never settles is made up.
            Target target = Target.builtIn(ServerRole.ASYNC, async.baseUri());
            Scenario scenario = new ClientsScenario(new Scenario.Common("crowd", 10, 1, List.of(Contender.ASYNC),
                    Strategy.SEQUENTIAL, null), 20, 40);
            AtomicLong jitMs = new AtomicLong();
            JitClock compilingForever = () -> jitMs.addAndGet(1_000);
            long startNs = System.nanoTime();
            long deadlineNs = startNs + 1_500_000_000L;
            WarmupOutcome outcome = WarmupPhase.run(scenario, Contender.ASYNC, Warmup.AUTO, compilingForever, null,
                    (shape, timeLimitMs) -> ClientsRun.run(client, target, scenario, 10, shape.concurrent(),
                            shape.clients(), shape.requests(), timeLimitMs, 0, true), step -> { }, deadlineNs);
            long tookMs = (System.nanoTime() - startNs) / 1_000_000;
            assertTrue(outcome.capped() && !outcome.steady(), outcome.toString());
            assertTrue(outcome.rounds() >= 1, outcome.toString());
            // Unboxed, auto would go on for 10 s; a generous bound for a busy machine, far below that.
            assertTrue(tookMs < 5_000, "took " + tookMs + " ms: " + outcome);
        }
    }
}
