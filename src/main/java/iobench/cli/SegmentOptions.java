package iobench.cli;

import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.run.BenchSession;
import iobench.scenario.BenchPlan;
import iobench.scenario.Segment;
import iobench.bench.segment.StartAt;
import iobench.bench.contender.Contender;
import iobench.core.ServerRole;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Option;

/** bench's share of a run sent from several machines ({@code --segment}) and when it starts ({@code --start-at}). */
final class SegmentOptions {
    @Option(names = "--segment", paramLabel = "I/N",
            description = "Send share I of N of every scenario (with N > 1 against external servers only: every "
                    + "--*-url the scenarios use and --sim-url), each phase in its slot of one timeline the N "
                    + "segments compute alike; writes segment.json and runs.json for 'iobench merge'.")
    String segment;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Begin the load at this time: an ISO-8601 instant (2026-11-30T10:00:00Z) or +30s / +2m "
                    + "from this process's start. The servers' health is checked first.")
    String startAt;

    /** The segment given, or null when bench runs as one generator. */
    Segment segment() {
        return segment == null ? null : ExitException.parsed(() -> Segment.parse(segment));
    }

    /** When the load begins, or null: at once. A time from now counts from this process's start ({@link StartAt#parse}). */
    StartAt startAt(Instant now) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(now);
        return startAt == null ? null : ExitException.parsed(() -> StartAt.parse(startAt, now, processStart));
    }

    /**
     * The exit code of a bench run as a segment: a segment of several that completed exits 0
     * (OK) even where its own share broke thresholds or was not valid, saying so on
     * {@code err}. Validity and thresholds are judged on the merged report (merge exits 1 or 4 for it):
     * one share is not the run (an idle segment's success rate is 0 of 0, which breaks a threshold
     * by itself), and an orchestrator that stops at a failed segment would never merge.
     */
    static int exitCode(Segment segment, BenchSession.Outcome outcome, java.io.PrintWriter err) {
        int code = outcome.exitCode();
        boolean judged = code == ExitCodes.FAILED || code == ExitCodes.GATE_FAILED;
        if (segment == null || segment.whole() || !judged || !outcome.report().complete()) {
            return code;
        }
        err.println("iobench: segment " + segment + " completed; its own share is not judged (not valid or "
                + "thresholds broken in it do not fail it): 'iobench merge' judges the merged report, exit 0");
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * A segment of several never starts servers of its own: N generators must load the same
     * servers, so every server the plan uses, and the sim where it needs one, must be given. Nor
     * may a scenario set a sim profile or io faults: the profile is sim-wide, and each segment sets it before its own
     * run of the scenario and resets it after, so N segments out of step would reset it under each
     * other's load.
     */
    static void requireExternal(Segment segment, BenchPlan plan, Map<ServerRole, URI> servers, URI sim) {
        if (segment == null || segment.whole()) {
            return;
        }
        for (var scenario : plan.scenarios()) {
            if (scenario.simProfile() != null) {
                throw ExitException.invalidInput("--segment " + segment + ": scenario '" + scenario.name()
                        + "' sets a sim profile or io faults, which are sim-wide and which each segment would set "
                        + "and reset under the others' load; expected scenarios with delay only");
            }
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
        if (sim == null && plan.needsSim()) {
            throw ExitException.invalidInput("--segment " + segment + " needs --sim-url: a segment never starts servers");
        }
    }
}
