package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import iobench.analysis.Comparison;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.ThresholdCheck;
import iobench.scenario.ClientsScenario;
import java.util.ArrayList;
import java.util.List;

/** The summary table printed at the end of a run: one line per scenario and server. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static String render(BenchReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "kind", "server", "duration s", "throughput/s", "p99 ms", "success",
            "speedup", "model", "verdict"});
        for (ScenarioSummary s : report.scenarios()) {
            boolean first = true;
            for (ServerStats st : s.servers()) {
                Comparison c = s.comparisons().stream().filter(x -> x.server().equals(st.server())).findFirst().orElse(null);
                rows.add(new String[] {
                    first ? s.scenario().name() : "",
                    first ? s.scenario().kind().label() : "",
                    st.server().label(),
                    Numbers.cell(st.durationS().median(), 3),
                    Numbers.cell(st.throughputRps().median(), 1),
                    s.scenario() instanceof ClientsScenario ? Numbers.cell(st.p99Ms().median(), 1) : "",
                    Numbers.percent(st.successRate()),
                    c == null ? (st.server().equals(s.baseline()) ? "baseline" : "no baseline")
                            : s.valid() ? c.cell() : "NOT VALID",
                    c == null ? "" : Numbers.times(c.modelSpeedup()),
                    c == null ? "" : c.verdict(),
                });
                first = false;
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (Capacity c : report.capacities()) {
            List<String> parts = new ArrayList<>();
            int lowest = c.scenario().rate().rates().get(0);
            for (Capacity.ServerCapacity sc : c.servers()) {
                parts.add(sc.server().label() + " " + Capacity.rateCell(sc.median(), sc.censored(), lowest) + "/s"
                        + (sc.vsBaseline() == null || Double.isNaN(sc.vsBaseline().estimate()) || sc.bound().equals("?")
                        ? "" : " (" + (sc.bound().isEmpty() ? "" : sc.bound() + " ")
                        + Numbers.times(sc.vsBaseline().estimate()) + " vs " + c.baseline().label() + ", "
                        + sc.vsBaseline().word() + ")"));
            }
            if (!parts.isEmpty()) {
                out.append("capacity at the SLO: ").append(c.scenario().name()).append(": ")
                        .append(String.join(", ", parts)).append('\n');
            }
            if (!c.invalidRuns().isEmpty()) {
                out.append("not valid runs: ").append(c.scenario().name()).append(": ").append(c.invalidRuns().size())
                        .append(" (see report.md)\n");
            }
        }
        for (ScenarioSummary s : report.scenarios()) {
            if (!s.valid()) {
                out.append("not valid: ").append(s.scenario().name()).append(": ").append(s.invalidReason()).append('\n');
            }
        }
        out.append(WarmupReport.consoleLine(report));
        for (ThresholdCheck t : report.brokenThresholds()) {
            out.append("threshold BROKEN: ").append(t.sentence()).append('\n');
        }
        if (!report.thresholds().isEmpty() && report.brokenThresholds().isEmpty()) {
            out.append("thresholds: all ").append(report.thresholds().size()).append(" met\n");
        }
        return out.toString();
    }
}
