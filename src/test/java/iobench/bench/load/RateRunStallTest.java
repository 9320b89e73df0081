package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.EmbeddedServers;
import iobench.scenario.RateScenario;
import iobench.scenario.ScenarioFileParser;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Target;
import iobench.scenario.Segment;
import iobench.core.ServerRole;
import iobench.testing.TestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coordinated omission, shown on a real sim and server: the sim stalls every downstream call for
 * one second while the rate keeps arriving. The generator holds 3 connections, as a wrk-style
 * tool with fixed connections would: the requests due during the stall wait for a connection, so
 * the latency timed from the actual send hides the wait, and only the latency timed from the
 * intended send shows what a user arriving then would have seen.
 */
class RateRunStallTest {
    @Test
    @Timeout(30)
    void theCorrectedP99ShowsASimStallAndTheUncorrectedOneUnderstatesIt() throws Exception {
        RateScenario scenario = (RateScenario) ScenarioFileParser.parse("stall.yaml", """
                scenarios:
                  - {name: stall, kind: rate, delay: 0.005, rate: 100, duration: 4s, connections: 3, servers: [async]}
                """, ScenarioFileParser.Caps.of(60_000, 1000), List.of()).scenarios().get(0);
        RunResult run;
        try (EmbeddedServers servers = new EmbeddedServers(TestSettings.loopback(), null, Set.of(ServerRole.ASYNC));
             LoadClient client = new LoadClient()) {
            URI base = servers.targets().servers().get(ServerRole.ASYNC);
            // Open the connections first, so that the first sends do not include a connect.
            for (int i = 0; i < 20; i++) {
                client.get(URI.create(base + "/benchmark/io-test?delay=0.001&concurrent=1"), Duration.ofSeconds(5));
            }
            // Windows open every 3 s after this and last 1 s: [3 s, 4 s) is the last second of the
            // 4 s schedule, and the backlog it leaves is answered well before the next one at 6 s.
            var set = client.post(servers.targets().simUrl().resolve("/profile?stall_every=3&stall=1"),
                    Duration.ofSeconds(5));
            assertEquals(200, set.status(), set.body());
            run = RateRun.run(client, Target.builtIn(ServerRole.ASYNC, base), scenario, scenario.delayMs(), 1, false,
                    Segment.WHOLE);
            client.post(servers.targets().simUrl().resolve("/profile"), Duration.ofSeconds(5));
        }
        var figures = run.rate();
        String what = String.format(Locale.ROOT, "corrected p99 %.1f ms, uncorrected p99 %.1f ms, lag p99 %.2f ms, "
                        + "peak on the wire %d, %s", run.latency().p99Ms(), figures.uncorrected().p99Ms(),
                run.conditions().loadgenLagP99Ms(), figures.peakInFlight(), run);
        System.out.println("RateRunStallTest: " + what);
        assertAll(
                () -> assertEquals(400, run.requests(), what),
                () -> assertEquals(400, run.successful(), what),
                () -> assertEquals(0, figures.dropped(), what),
                () -> assertTrue(run.latency().p99Ms() >= 800, "the corrected p99 shows the 1 s stall: " + what),
                () -> assertTrue(figures.uncorrected().p99Ms() < run.latency().p99Ms() / 2,
                        "the uncorrected p99 understates it: " + what),
                // At most 3 of the 400 were on the wire when the stall began: 0.75 %, under the top 1 %.
                () -> assertTrue(figures.peakInFlight() <= 3, "never more than the 3 connections asked: " + what),
                () -> assertEquals(100, figures.offeredRps(), what));
        // Whether the generator kept its schedule depends on the machine's other load; it is
        // reported (RateFigures.generatorLimit), not asserted here.
    }
}
