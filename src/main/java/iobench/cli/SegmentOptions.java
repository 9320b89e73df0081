package iobench.cli;

import iobench.bench.BenchPlan;
import iobench.bench.segment.Segment;
import iobench.bench.segment.StartAt;
import iobench.bench.contender.Contender;
import iobench.http.ServerRole;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Option;

/** bench's share of a run sent from several machines ({@code --segment}) and when it starts ({@code --start-at}). */
final class SegmentOptions {
    @Option(names = "--segment", paramLabel = "I/N",
            description = "Send share I of N of every scenario (with N > 1 against external servers only: every "
                    + "--*-url the scenarios use and --sim-url); writes segment.json and runs.json for 'iobench merge'.")
    String segment;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Begin the load at this time: an ISO-8601 instant (2026-11-30T10:00:00Z) or +30s / +2m "
                    + "from now. The servers' health is checked first.")
    String startAt;

    /** The segment given, or null when bench runs as one generator. */
    Segment segment() {
        if (segment == null) {
            return null;
        }
        try {
            return Segment.parse(segment);
        } catch (IllegalArgumentException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /** When the load begins, or null: at once. */
    StartAt startAt(Instant now) {
        if (startAt == null) {
            return null;
        }
        try {
            return StartAt.parse(startAt, now);
        } catch (IllegalArgumentException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /**
     * A segment of several never starts servers of its own: N generators must load the same
     * servers, so every server the plan uses, and the sim, must be given.
     */
    static void requireExternal(Segment segment, BenchPlan plan, Map<ServerRole, URI> servers, URI sim) {
        if (segment == null || segment.whole()) {
            return;
        }
        for (var scenario : plan.scenarios()) {
            for (Contender contender : scenario.servers()) {
                ServerRole role = contender.builtIn();
                // A named target is always given by its URL; only our servers could be started here.
                if (role != null && !servers.containsKey(role)) {
                    throw ExitException.invalidInput("--segment " + segment + " needs --" + role.label()
                            + "-url: a segment never starts servers, and scenario '" + scenario.name() + "' uses "
                            + role.label());
                }
            }
        }
        if (sim == null) {
            throw ExitException.invalidInput("--segment " + segment + " needs --sim-url: a segment never starts servers");
        }
    }
}
