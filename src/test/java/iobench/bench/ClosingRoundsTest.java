package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.Contender;
import iobench.bench.load.LoadClient;
import iobench.bench.metrics.RunResult;
import iobench.bench.warmup.JitClock;
import iobench.bench.warmup.WarmupOutcome;
import iobench.core.ServerRole;
import iobench.scenario.BenchPlan;
import iobench.scenario.Progress;
import iobench.scenario.ScenarioFileParser;
import iobench.testing.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing rounds, with real servers: a server whose JIT is its own (as with {@code --isolate}) and
 * that ended its warm-up steady is warmed again right before its first measured run, and only
 * then; a server that shares the bench's JIT is not.
 */
class ClosingRoundsTest {
    private static final BenchPlan PLAN = ScenarioFileParser.parse("closing.yaml", """
            defaults: {repetitions: 2, warmup: auto, warmup-max-time: 5s, servers: [async, sync]}
            scenarios:
              - {name: c, kind: clients, delay: 0.02, clients: 8, requests: 160}
            """, ScenarioFileParser.Caps.of(60_000, 1000), List.of());

    /** The JIT of a server in a JVM of its own, told as settled: only the rounds' agreement decides. */
    private static final JitClock OWN_SETTLED_JIT = new JitClock() {
        @Override
        public double totalMs() {
            return 0;
        }

        @Override
        public boolean ownJvm() {
            return true;
        }
    };

    @Test
    @Timeout(120)
    void aSteadyServerWithItsOwnJitIsWarmedAgainRightBeforeItsFirstMeasuredRun() throws Exception {
        Contender async = Contender.of(ServerRole.ASYNC);
        Contender sync = Contender.of(ServerRole.SYNC);
        BenchRunner runner;
        List<RunResult> runs;
        try (EmbeddedServers servers = new EmbeddedServers(TestSettings.loopback(Map.of()), null,
                Set.of(ServerRole.ASYNC, ServerRole.SYNC));
             LoadClient client = new LoadClient()) {
            runner = new BenchRunner(client, servers.targets(), PLAN, Progress.NONE, Map.of(), false,
                    Map.of(async, OWN_SETTLED_JIT, sync, JitClock.thisJvm()));
            runs = runner.run();
        }
        List<WarmupOutcome> phases = runner.warmups();
        String context = phases + "\n" + runs.stream().map(r -> r.server() + (r.warmup() ? " warm-up" : " measured"))
                .toList();

        WarmupOutcome asyncWarmup = phases.stream().filter(p -> p.server().equals(async) && !p.closing())
                .findFirst().orElseThrow();
        List<WarmupOutcome> asyncClosing = phases.stream().filter(p -> p.server().equals(async) && p.closing()).toList();
        assertEquals(asyncWarmup.steady() ? 1 : 0, asyncClosing.size(),
                "closing rounds follow a steady warm-up, and only one: " + context);
        assertFalse(phases.stream().anyMatch(p -> p.server().equals(sync) && p.closing()),
                "a server sharing the bench's JIT gets no closing rounds: " + context);
        if (asyncClosing.isEmpty()) {
            return;
        }
        WarmupOutcome closing = asyncClosing.get(0);
        assertTrue(closing.rounds() >= 3 && closing.calls() > 0, context);

        // The closing rounds run right before async's first measured run: no other run in between.
        int firstMeasured = indexOf(runs, async, false);
        assertTrue(firstMeasured > 0, context);
        for (int i = firstMeasured - closing.rounds(); i < firstMeasured; i++) {
            RunResult run = runs.get(i);
            assertTrue(run.warmup() && run.server().equals(async), "run " + i + ": " + context);
        }
    }

    private static int indexOf(List<RunResult> runs, Contender server, boolean warmup) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).server().equals(server) && runs.get(i).warmup() == warmup) {
                return i;
            }
        }
        return -1;
    }
}
