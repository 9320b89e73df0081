package iobench.bench.segment;

import iobench.bench.load.EmptyRun;
import iobench.scenario.Segment;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.bench.load.ClientsRun;
import iobench.bench.load.FanOutRun;
import iobench.bench.load.LoadClient;
import iobench.bench.load.RateRun;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A segment's share of each measured run: the one place a run's kind decides what a segment sends. */
public final class SegmentRuns {
    private SegmentRuns() {
    }

    /** One measured run of {@code scenario}, this segment's share of it (the whole run for {@link Segment#WHOLE}). */
    public static RunResult measured(LoadClient client, Target target, Scenario scenario, int repetition,
                                     Segment segment) throws InterruptedException {
        long delayMs = scenario.delayMs();
        return switch (scenario) {
            case FanOutScenario f -> segment.fanOutRequests() == 0
                    ? EmptyRun.of(f, target.contender(), delayMs, f.concurrent(), repetition, false, null)
                    : FanOutRun.run(client, target, f, delayMs, repetition, false);
            case ClientsScenario c -> segment.clientsShare(c.clients()) == 0
                    ? EmptyRun.of(c, target.contender(), delayMs, 1, repetition, false, null)
                    // For a time, each segment's clients send for the whole of it.
                    : c.forTime() ? ClientsRun.run(client, target, c, delayMs, 1, segment.clientsShare(c.clients()),
                            0, c.durationMs(), repetition, false)
                    : ClientsRun.run(client, target, c, delayMs, 1, segment.clientsShare(c.clients()),
                            segment.requestsShare(c.clients(), c.requests()), repetition, false);
            case RateScenario r -> RateRun.run(client, target, r, delayMs, repetition, false, segment);
        };
    }

    /** A warm-up round's clients for this segment: its share, at least one, so that every segment warms. */
    public static int warmupShare(Segment segment, int total) {
        return Math.max(1, segment.shareOf(total));
    }

    /** One console line per scenario in which this segment sends nothing; empty when it has work in all. */
    public static List<String> idle(List<Scenario> scenarios, Segment segment) {
        List<String> lines = new ArrayList<>();
        for (Scenario s : scenarios) {
            String why = switch (s) {
                case FanOutScenario f -> segment.fanOutRequests() == 0
                        ? "its one request per repetition goes to segment 1" : null;
                case ClientsScenario c -> segment.clientsShare(c.clients()) == 0
                        ? "its " + c.clients() + " client(s) and all its requests go to the lower segments" : null;
                case RateScenario r -> r.measuredSteps().stream().allMatch(step -> segment.shareOf(
                        iobench.bench.load.Schedule.count(step.rate().rate(), step.rate().durationMs())) == 0)
                        ? "its arrivals all fall to the lower segments" : null;
            };
            if (why != null) {
                lines.add("segment " + segment + ": nothing to send in scenario '" + s.name() + "' (" + why
                        + "); its runs are written as empty shares");
            }
        }
        return lines;
    }
}
