package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Comparison;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.bench.contender.Contender;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The two suites' tables of {@code report.md}: fan-out (one request, K downstream calls) and
 * concurrent clients (N requests at once), each row a server with its speedup against the baseline.
 */
final class SuiteTables {
    private SuiteTables() {
    }

    /**
     * The table of one suite of the original, {@link FanOutScenario} or {@link ClientsScenario}, with
     * the notes on its scenarios below it; null when the report has none of that kind.
     */
    static Section section(BenchReport report, Class<? extends Scenario> suite) {
        List<ScenarioSummary> scenarios = report.scenarios().stream().filter(s -> suite.isInstance(s.scenario())).toList();
        if (scenarios.isEmpty()) {
            return null;
        }
        boolean fanOut = suite == FanOutScenario.class;
        Table.Builder table = fanOut
                ? Table.of("scenario", "delay", "K", "strategy", "server", "duration s", "calls/s", "success",
                        "model s", "speedup", "model speedup", "verdict")
                : Table.of("scenario", "delay", "clients", "server", "duration s", "req/s", "p50 ms", "p99 ms",
                        "success", "model s", "speedup", "model speedup", "verdict");
        List<Text> notes = new ArrayList<>();
        for (ScenarioSummary s : scenarios) {
            boolean first = true;
            for (ServerStats st : s.servers()) {
                Comparison c = s.comparisons().stream().filter(x -> x.server().equals(st.server())).findFirst().orElse(null);
                List<Text> row = new ArrayList<>();
                row.add(first ? Text.strong(s.scenario().name()).then(s.valid() ? "" : " (not valid)") : Text.of(""));
                List<String> cells = new ArrayList<>();
                cells.add(first ? Numbers.fixed(s.scenario().delaySeconds(), 3) + " s" : "");
                // The suite's own columns: K and strategy for fan-out, the clients for clients.
                cells.addAll(switch (s.scenario()) {
                    case FanOutScenario f -> first ? List.of(Integer.toString(f.concurrent()), f.strategy().label())
                            : List.of("", "");
                    case ClientsScenario n -> List.of(first ? Integer.toString(n.clients()) : "");
                    case RateScenario r -> List.<String>of();
                });
                cells.add(st.server().label());
                cells.add(Numbers.range(st.durationS(), 3));
                cells.add(Numbers.range(st.throughputRps(), 1));
                if (!fanOut) {
                    cells.add(Numbers.range(st.p50Ms(), 1));
                    cells.add(Numbers.range(st.p99Ms(), 1));
                }
                cells.add(Numbers.percent(st.successRate()));
                cells.add(Numbers.cell(st.modelDurationS(), 3) + efficiency(st));
                if (c == null) {
                    cells.add(st.server().equals(s.baseline()) ? "baseline" : "no baseline");
                    cells.add("");
                    cells.add("");
                } else {
                    cells.add(s.valid() ? c.cell() : "not valid");
                    cells.add(Numbers.times(c.modelSpeedup()));
                    cells.add(c.verdict());
                }
                cells.forEach(cell -> row.add(Text.of(cell)));
                // Every row of a scenario that is not valid is worth a second look.
                table.row(!s.valid(), row);
                first = false;
            }
            if (!s.valid()) {
                notes.add(Text.strong(s.scenario().name()).then(" is not valid: " + s.invalidReason()));
            }
            if (s.baselineIsNotSync()) {
                // Our servers alone without sync: the first listed stands in, which is worth a word;
                // a baseline "How to read this" already names for every scenario is not repeated.
                boolean standIn = !s.scenario().servers().contains(Contender.SYNC)
                        && s.scenario().servers().stream().allMatch(Contender::isBuiltIn);
                if (standIn) {
                    notes.add(Text.of(s.scenario().name() + ": no sync in this scenario; speedups are against "
                            + s.baseline().label() + ", the first server it lists."));
                } else if (!s.baseline().label().equals(MarkdownReport.baselineLabel(report))) {
                    notes.add(Text.of(s.scenario().name() + ": speedups are against " + s.baseline().label()
                            + ", its baseline."));
                }
            }
            CpuShares.of(report).stream().filter(c -> c.scenario().equals(s.scenario().name()))
                    .map(CpuShares::limitNote).filter(n -> !n.isEmpty()).forEach(n -> notes.add(Text.of(n)));
            String warm = WarmupReport.notSteadyNote(report, s.scenario().name());
            if (!warm.isEmpty()) {
                notes.add(Text.of(s.scenario().name() + ": " + warm));
            }
            for (ServerStats st : s.servers()) {
                if (fanOut && clientSideOnly(report, s, st)) {
                    notes.add(Text.of(s.scenario().name() + ", " + st.server().label() + ": its answers carry no "
                            + "timing.total_duration, so its durations are the client's alone; where they carry no "
                            + "results either, each successful request counted as its K calls."));
                }
                if (st.modelNote() != null) {
                    notes.add(Text.of(s.scenario().name() + ", " + st.server().label() + ": " + st.modelNote()));
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(table.build());
        if (!notes.isEmpty()) {
            blocks.add(Block.bullets(notes));
        }
        return new Section(fanOut ? "Fan-out: one request, the server makes K downstream calls"
                : "Concurrent clients: N requests at once, one downstream call each", blocks);
    }

    /** " (98 %)": model / measured, the share of the model's ideal the server reached. */
    private static String efficiency(ServerStats st) {
        double e = st.efficiency();
        return Double.isNaN(e) ? "" : " (" + Numbers.fixed(e * 100, 0) + " %)";
    }

    /** A named target whose fan-out answers were not our JSON: no run has the server's own duration. */
    private static boolean clientSideOnly(BenchReport report, ScenarioSummary s, ServerStats st) {
        List<iobench.bench.metrics.RunResult> runs = report.runs().stream()
                .filter(r -> r.scenario().equals(s.scenario().name()) && r.server().equals(st.server())
                        && r.successful() > 0)
                .toList();
        return !st.server().isBuiltIn() && !runs.isEmpty()
                && runs.stream().allMatch(r -> Double.isNaN(r.serverDurationS()));
    }
}
