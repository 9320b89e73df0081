package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Numbers;
import iobench.bench.warmup.SteadyState;
import iobench.bench.warmup.TimeToSteady;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupOutcome;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's account of warming: time to steady per server, and every warm-up phase. */
final class WarmupReport {
    private WarmupReport() {
    }

    static void render(StringBuilder md, BenchReport report) {
        if (report.timeToSteady().isEmpty() && report.warmupPhases().isEmpty()) {
            return;
        }
        md.append("## Warm-up and time to steady\n\n");
        md.append("Every figure above was measured after its servers were warmed with the scenario's own shape ")
                .append("(the same calls per request, strategy and clients) at a short delay. With `warmup: auto` ")
                .append("a phase ends when the server is steady: over its last ").append(SteadyState.WINDOW)
                .append(" rounds the JIT compiled for at most ").append(Numbers.fixed(SteadyState.JIT_QUIET_MS, 0))
                .append(" ms (or ").append(Numbers.fixed(SteadyState.JIT_QUIET_SHARE * 100, 0))
                .append(" % of their time) and their time per call agreed within ")
                .append(Numbers.fixed(SteadyState.AGREE_WITHIN * 100, 0)).append(" %; it gives up at ")
                .append(Long.toString(report.warmupCaps().maxCalls())).append(" calls or ")
                .append(Numbers.fixed(report.warmupCaps().maxMs() / 1000.0, 0)).append(" s per phase. A server already steady under ")
                .append("the same shape (kind and strategy) in an earlier scenario gets one round, to open the ")
                .append("new scenario's connections. ")
                .append("Servers that share this JVM share its JIT, so a server warmed later starts from a warmer ")
                .append("load generator and sim; with `--isolate` each server's own JIT counts.\n\n");
        for (TimeToSteady t : report.timeToSteady()) {
            if (t.refusedDelay() != null) {
                md.append(t.refusedDelay().sentence(t.server())).append(".\n\n");
            }
        }
        if (!report.timeToSteady().isEmpty()) {
            md.append("### Time to steady\n\n");
            md.append("| server | first request ms | calls to steady | seconds to steady | steady in |\n|---|---|---|---|---|\n");
            for (TimeToSteady t : report.timeToSteady()) {
                md.append("| ").append(t.server().label())
                        .append(" | ").append(Numbers.cell(t.firstRequestMs(), 1))
                        .append(" (delay ").append(t.delayMs()).append(" ms)")
                        .append(" | ").append(t.steady() ? Long.toString(t.calls()) : "–")
                        .append(" | ").append(t.steady() ? Numbers.fixed(t.durationS(), 1) : "–")
                        .append(" | ").append(t.steady() ? t.steadyIn()
                                : "not steady after " + Long.toString(t.calls()) + " calls")
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!report.warmupPhases().isEmpty()) {
            md.append("### Warm-up phases\n\n");
            md.append("| scenario | server | rounds | calls | seconds | JIT ms | ended |\n|---|---|---|---|---|---|---|\n");
            for (WarmupOutcome p : report.warmupPhases()) {
                md.append("| ").append(p.scenario()).append(" | ").append(p.server().label())
                        .append(" | ").append(p.rounds())
                        .append(" | ").append(Long.toString(p.calls()))
                        .append(" | ").append(Numbers.fixed(p.durationS(), 1))
                        .append(" | ").append(Numbers.cell(p.jitGrowthMs(), 0))
                        .append(" | ").append(ended(p))
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String ended(WarmupOutcome p) {
        if (p.failure() != null) {
            return "**not warmed**: " + p.failure().replace("|", "\\|");
        }
        if (p.capped()) {
            return "**at its cap, not steady**";
        }
        if (p.sharedFrom() != null) {
            return "already steady since " + p.sharedFrom() + " (same shape): one round to open connections";
        }
        return p.steady() ? "steady" : "rounds done (not steady by the rule)";
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
