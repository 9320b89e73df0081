package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import iobench.analysis.Comparison;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.SpeedupSummary;
import iobench.bench.contender.Contender;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryScenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict at the top of report.html in a few lines: complete or not, valid scenarios,
 * thresholds, each server's mean speedup as the analysis stated it ({@link SpeedupSummary}), and
 * each rate scenario's capacities.
 */
final class HtmlVerdict {
    /**
     * @param incompleteReason why the run stopped early, or null when it is complete
     * @param invalid          the names of the scenarios that are not valid
     */
    private record Status(String incompleteReason, int scenarios, List<String> invalid, int thresholds, int broken) {
        boolean bad() {
            return incompleteReason != null || !invalid.isEmpty() || broken > 0;
        }
    }

    private HtmlVerdict() {
    }

    /** From the run's analysis: the status, each server's summary of speedups and the capacities. */
    static String of(BenchReport report) {
        Status status = new Status(report.incompleteReason(), report.scenarios().size(),
                report.scenarios().stream().filter(s -> !s.valid()).map(s -> s.scenario().name()).toList(),
                report.thresholds().size(), report.brokenThresholds().size());
        List<String> lines = new ArrayList<>();
        Set<Contender> servers = new LinkedHashSet<>();
        report.scenarios().forEach(s -> s.comparisons().forEach(c -> servers.add(c.server())));
        for (Contender server : servers) {
            lines.add(serverLine(report, server));
        }
        report.capacities().forEach(c -> lines.add(capacityLine(c)));
        return html(status, lines);
    }

    /**
     * From summary.json alone ({@code iobench report DIR}): the status; the speedups and capacities
     * are report.md's, which the page then does not have.
     */
    static String of(Summary summary) {
        List<String> invalid = summary.scenarios().stream().filter(sc -> !sc.valid()).map(SummaryScenario::name).toList();
        int broken = (int) summary.thresholds().stream().filter(t -> !t.met()).count();
        String incomplete = summary.complete() ? null
                : summary.incompleteReason() == null ? "" : summary.incompleteReason();
        return html(new Status(incomplete, summary.scenarios().size(), invalid, summary.thresholds().size(), broken),
                List.of("each server's speedups and the capacities: see the summary in report.md beside "
                + "this file (<code>iobench report DIR</code> writes the page from summary.json alone)"));
    }

    private static String serverLine(BenchReport report, Contender server) {
        SpeedupSummary sum = SpeedupSummary.of(report, server, null);
        String name = "<strong>" + HtmlPage.escape(server.label()) + "</strong>";
        if (sum.valid() == 0) {
            return name + ": no valid scenario, so no speedup";
        }
        Set<String> against = new TreeSet<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (Comparison c : s.comparisons()) {
                if (c.server().equals(server) && s.baseline() != null) {
                    against.add(s.baseline().label());
                }
            }
        }
        String base = against.size() == 1 ? "the " + HtmlPage.escape(against.iterator().next()) + " server"
                : "the baseline";
        return name + ": <span class=\"big\">" + Numbers.times(sum.mean()) + "</span> " + base + " on average over "
                + sum.valid() + " valid scenario" + (sum.valid() == 1 ? "" : "s") + " (" + Numbers.times(sum.min())
                + " to " + Numbers.times(sum.max()) + ", " + sum.significant() + " significant): <strong>"
                + SpeedupSummary.decision(sum.mean()) + "</strong>";
    }

    private static String capacityLine(Capacity c) {
        List<String> parts = new ArrayList<>();
        for (Capacity.ServerCapacity s : c.servers()) {
            String prefix = s.censored() ? "≥ " : "";
            String value = Double.isFinite(s.median()) ? prefix + Numbers.fixed(s.median(), 0) + "/s" : "–";
            double vs = s.vsBaseline() == null ? Double.NaN : s.vsBaseline().estimate();
            parts.add(HtmlPage.escape(s.server().label()) + " " + value
                    + (Double.isFinite(vs) ? " (" + prefix + Numbers.times(vs) + ")" : ""));
        }
        var slo = c.scenario().rate().slo();
        return "capacity at the SLO" + (slo == null ? "" : " (p99 ≤ " + Numbers.fixed(slo.p99Ms(), 0) + " ms)")
                + " in <strong>" + HtmlPage.escape(c.scenario().name()) + "</strong>: " + String.join(", ", parts);
    }

    private static String html(Status status, List<String> lines) {
        List<String> said = new ArrayList<>();
        if (status.incompleteReason() != null) {
            said.add("<strong>INCOMPLETE</strong>: " + HtmlPage.escape(status.incompleteReason())
                    + "; the figures cover only the runs that finished");
        }
        said.add((status.scenarios() - status.invalid().size()) + " of " + status.scenarios() + " scenarios valid"
                + (status.invalid().isEmpty() ? "" : " (not valid: "
                + HtmlPage.escape(String.join(", ", status.invalid())) + ")"));
        if (status.thresholds() > 0) {
            said.add(status.broken() == 0 ? "every threshold met (" + status.thresholds() + ")"
                    : "<strong>" + status.broken() + " of " + status.thresholds() + " thresholds BROKEN</strong>");
        }
        StringBuilder html = new StringBuilder();
        html.append("<section id=\"verdict\" class=\"verdict ").append(status.bad() ? "bad" : "ok").append("\">\n")
                .append("<h2>Verdict</h2>\n<p class=\"status\">").append(String.join("; ", said)).append(".</p>\n");
        if (!lines.isEmpty()) {
            html.append("<ul class=\"servers\">\n");
            lines.forEach(l -> html.append("<li>").append(l).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p class=\"hint\">Decision words are the original suite's matrix on the mean speedup: &lt; 2x ")
                .append("evaluate case by case, 2–5x plan a gradual migration, 5–10x prioritise the migration, ")
                .append("&gt; 10x migrate critical endpoints now. Read the scenarios, not only the mean.</p>\n")
                .append("</section>\n");
        return html.toString();
    }
}
