package iobench.bench.load;

import iobench.scenario.Scenario;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.Map;

/**
 * The share of a segment that has nothing to send in a run (a fan-out's one request belongs to
 * segment 1; fewer clients than segments): a run of 0 requests and empty histograms, so that
 * every segment lists the same runs and the merge adds nothing for it
 * ({@link RunResult#sentNothing}).
 */
public final class EmptyRun {
    private EmptyRun() {
    }

    /** @param rate the rate share's figures for a rate run, or null */
    public static RunResult of(Scenario scenario, Contender role, long delayMs, int concurrent, int repetition,
                               boolean warmup, RateFigures rate) {
        return new RunResult(new RunId(scenario.name(), scenario.kind(), role, repetition, warmup),
                new Offered(delayMs, concurrent, 0, 0), new Outcome(0, 0, Map.of(), Map.of(), 0, Double.NaN),
                empty(), RunCosts.NONE, new RunConditions(Double.NaN, Double.NaN, Double.NaN), rate);
    }

    public static LatencySummary empty() {
        return LatencySummary.of(Histograms.concurrent());
    }
}
