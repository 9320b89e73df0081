package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Numbers;
import iobench.bench.warmup.JitClock;
import iobench.bench.warmup.SteadyState;
import iobench.bench.warmup.TimeToSteady;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupOutcome;
import iobench.bench.contender.Contender;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's account of warming: time to steady per server, and every warm-up phase. */
final class WarmupReport {
    private WarmupReport() {
    }

    /** The section of report.md, or null when the run had no warm-up. */
    static Section section(BenchReport report) {
        if (report.timeToSteady().isEmpty() && report.warmupPhases().isEmpty()) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.paragraph(Text.of("Every figure above was measured after its servers were warmed with the "
                + "scenario's own shape (the same calls per request, strategy and clients) at a short delay. With ")
                .thenCode("warmup: auto").then(" a phase ends when the server is steady: over its last "
                        + SteadyState.WINDOW + " rounds the JIT compiled for at most "
                        + Numbers.fixed(SteadyState.JIT_QUIET_MS, 0) + " ms (or "
                        + Numbers.fixed(SteadyState.JIT_QUIET_SHARE * 100, 0) + " % of their time; "
                        + Numbers.fixed(JitClock.OWN_JVM_QUIET_SHARE * 100, 0) + " % for a server in a JVM of "
                        + "its own, whose JIT compiles nothing else) and their time per "
                        + "call agreed within " + Numbers.fixed(SteadyState.AGREE_WITHIN * 100, 0) + " %; it gives up at "
                        + report.warmupCaps().maxCalls() + " calls or "
                        + Numbers.fixed(report.warmupCaps().maxMs() / 1000.0, 0) + " s per phase. A server already "
                        + "steady under the same shape (kind and strategy) in an earlier scenario gets one round, to "
                        + "open the new scenario's connections. Servers that share this JVM share its JIT, so a server "
                        + "warmed later starts from a warmer load generator and sim; with ")
                .thenCode("--isolate").then(" each server's own JIT counts, and a server steady after its warm-up is "
                        + "warmed again right before its first measured run of the scenario, until steady again "
                        + "(closing rounds: meanwhile its connections idled out, and reopening them makes the JIT "
                        + "recompile).")));
        for (TimeToSteady t : report.timeToSteady()) {
            if (t.refusedDelay() != null) {
                blocks.add(Block.paragraph(t.refusedDelay().sentence(t.server()) + "."));
            }
        }
        if (!report.timeToSteady().isEmpty()) {
            blocks.add(Block.heading("Time to steady"));
            Table.Builder table = Table.of("server", "first request ms", "calls to steady", "seconds to steady",
                    "steady in");
            for (TimeToSteady t : report.timeToSteady()) {
                table.row(t.server().label(), Numbers.cell(t.firstRequestMs(), 1) + " (delay " + t.delayMs() + " ms)",
                        t.steady() ? Long.toString(t.calls()) : "–", t.steady() ? Numbers.fixed(t.durationS(), 1) : "–",
                        t.steady() ? t.steadyIn() : "not steady after " + t.calls() + " calls");
            }
            blocks.add(table.build());
        }
        if (!report.warmupPhases().isEmpty()) {
            blocks.add(Block.heading("Warm-up phases"));
            Table.Builder table = Table.of("scenario", "server", "rounds", "calls", "seconds", "JIT ms", "ended");
            for (WarmupOutcome p : report.warmupPhases()) {
                table.row(false, List.of(Text.of(p.scenario()), Text.of(p.server().label()),
                        Text.of(String.valueOf(p.rounds())), Text.of(Long.toString(p.calls())),
                        Text.of(Numbers.fixed(p.durationS(), 1)), Text.of(Numbers.cell(p.jitGrowthMs(), 0)), ended(p)));
            }
            blocks.add(table.build());
        }
        return new Section("Warm-up and time to steady", blocks);
    }

    private static Text ended(WarmupOutcome p) {
        if (p.failure() != null) {
            return Text.strong("not warmed").then(": " + p.failure());
        }
        if (p.capped()) {
            return Text.strong("at its cap, not steady");
        }
        if (p.closing()) {
            return Text.of(p.steady() ? "steady again: closing rounds right before its first measured run"
                    : "closing rounds before its first measured run, not steady again by the rule");
        }
        if (p.sharedFrom() != null) {
            return Text.of("already steady since " + p.sharedFrom() + " (same shape): one round to open connections");
        }
        return Text.of(p.steady() ? "steady" : "rounds done (not steady by the rule)");
    }

    /**
     * One console line: each server's first request and time to steady; then a line per target that
     * refused the warm-up delay, and per warm-up phase in which nothing answered.
     */
    static String consoleLine(BenchReport report) {
        List<String> parts = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (TimeToSteady t : report.timeToSteady()) {
            parts.add(t.server().label() + " " + Numbers.cell(t.firstRequestMs(), 0) + " ms first, "
                    + (t.steady() ? "steady after " + Long.toString(t.calls()) + " calls / "
                    + Numbers.fixed(t.durationS(), 1) + " s" : "not steady"));
            if (t.refusedDelay() != null) {
                notes.append("warm-up: ").append(t.refusedDelay().sentence(t.server())).append('\n');
            }
        }
        for (WarmupOutcome p : report.warmupPhases()) {
            if (p.failure() != null) {
                notes.append("warm-up NOT DONE: ").append(p.scenario()).append(", ").append(p.server().label())
                        .append(": ").append(p.failure()).append('\n');
            }
        }
        return (parts.isEmpty() ? "" : "time to steady: " + String.join("; ", parts) + "\n") + notes;
    }

    /** A note for a scenario table whose servers hit the warm-up cap. */
    static String notSteadyNote(BenchReport report, String scenario) {
        List<Contender> capped = report.notSteady(scenario);
        if (capped.isEmpty()) {
            return "";
        }
        return "Warm-up hit its cap before " + String.join(", ", capped.stream().map(Contender::label).toList())
                + " became steady: those figures may still include JIT compilation.";
    }
}
