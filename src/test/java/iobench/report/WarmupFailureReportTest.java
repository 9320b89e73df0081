package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Measurements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Target;
import iobench.bench.load.ClientsRun;
import iobench.bench.load.LoadClient;
import iobench.bench.warmup.JitClock;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupOutcome;
import iobench.bench.warmup.WarmupPhase;
import iobench.testing.RangedService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A warm-up phase in which every request failed (here a service that refuses the 10 ms warm-up
 * delay, warmed at it all the same) stops at its first round, and report.md's phase table and the
 * console show it with its error instead of "rounds done".
 */
class WarmupFailureReportTest {
    @Test
    void aWarmupPhaseInWhichEveryRequestFailedIsShownWithItsErrorInTheReportAndOnTheConsole() throws Exception {
        HttpServer ranged = RangedService.start(new ConcurrentLinkedQueue<>());
        try (LoadClient client = new LoadClient()) {
            Target target = Target.parseOption("ranged=http://127.0.0.1:" + ranged.getAddress().getPort()
                    + "/range?delay={delay}");
            Scenario scenario = new ClientsScenario(new Scenario.Common("crowd", 100, 1, List.of(target.contender()),
                    Strategy.SEQUENTIAL, null), 4, 8);
            WarmupOutcome outcome = WarmupPhase.run(scenario, target.contender(), Warmup.rounds(3), JitClock.UNKNOWN,
                    null, (shape, timeLimitMs) -> ClientsRun.run(client, target, scenario, 10, shape.concurrent(),
                            shape.clients(), shape.requests(), timeLimitMs, 0, true), step -> { });
            assertEquals(1, outcome.rounds(), outcome.toString());
            assertEquals("every request failed (http-400 x400: HTTP 400: " + RangedService.ERROR + ")",
                    outcome.failure());

            BenchReport report = Analysis.analyse(FixedRuns.plan(), new Measurements(FixedRuns.runs(), Warmup.rounds(3),
                    List.of(outcome), List.of(), null, Map.of()), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
            String md = MarkdownReport.render(report, List.of(), null);
            assertTrue(md.contains("| crowd | ranged | 1 | 400 | "), md);
            assertTrue(md.contains(" | **not warmed**: every request failed (http-400 x400: HTTP 400: "
                    + RangedService.ERROR + ") |\n"), md);
            assertFalse(md.contains("rounds done"), md);
            assertEquals(outcome.failure(), SummaryJson.of(report).warmupPhases().get(0).failure());
            String console = ConsoleSummary.render(report);
            assertTrue(console.contains("warm-up NOT DONE: crowd, ranged: every request failed (http-400 x400: "), console);
        } finally {
            ranged.stop(0);
        }
    }
}
