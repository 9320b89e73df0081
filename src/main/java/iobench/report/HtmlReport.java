package iobench.report;

import iobench.analysis.CostRanges;
import iobench.analysis.Numbers;
import iobench.analysis.SpeedupSummary;
import iobench.core.ReportFiles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryCapacity;
import iobench.report.summary.SummaryFile;
import iobench.report.summary.SummaryScenario;

/**
 * {@code report.html}: the whole report in one file to explore in a browser. Made from a report
 * directory alone (summary.json, hlog/, results.csv and report.md), so that {@code bench} and
 * {@code iobench report DIR} write the same page: the verdict and the summary first, then the
 * interactive charts (uPlot), then every other section of report.md with its tables. The
 * Markdown stays the one place the tables are made; the page shows them as HTML.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    public static final String MARKDOWN = "report.md";

    private HtmlReport() {
    }

    /** Writes {@code dir/report.html} from the report files in {@code dir}; returns its path. */
    public static Path write(Path dir) throws IOException {
        Summary summary = SummaryFile.read(dir);
        Path md = dir.resolve(MARKDOWN);
        String markdown = Files.isReadable(md) ? Files.readString(md, StandardCharsets.UTF_8) : null;
        return ReportFiles.write(dir, FILE, render(summary, markdown, dir));
    }

    /**
     * @param markdown report.md, or null when there is none (its sections are then missing, and
     *                 the page says so)
     * @param dir      where hlog/ and results.csv are, or null for none
     */
    public static String render(Summary summary, String markdown, Path dir) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("page", "report");
        data.set("summary", SummaryFile.tree(summary));
        LatencyCurves.Curves curves = LatencyCurves.of(summary, dir);
        data.set("latency_curves", curves.curves());
        data.set("cost_ranges", CostRanges.of(dir));

        Summary.Environment env = summary.environment();
        List<MarkdownHtml.Section> sections = markdown == null ? List.of()
                : MarkdownHtml.sections(markdown, HtmlReport::highlighted);
        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>iobench report</h1>\n<p class=\"meta\">")
                .append(HtmlPage.escape(text(env.started()))).append(" · ")
                .append(HtmlPage.escape(text(env.scenarios()))).append(" · iobench ")
                .append(HtmlPage.escape(text(env.iobench()))).append(" · ")
                .append(HtmlPage.escape(text(env.jvm()))).append(" · ")
                .append(env.cores() > 0 ? env.cores() : "?").append(" cores</p>\n</header>\n");
        body.append(verdict(summary));
        nav(body, sections);
        MarkdownHtml.Section summarySection = null;
        for (MarkdownHtml.Section s : sections) {
            if (s.title() == null) {
                section(body, s);
            } else if (s.title().equals("Summary")) {
                summarySection = s;
            }
        }
        if (summarySection != null) {
            section(body, summarySection);
        }
        body.append("<section id=\"charts\">\n<h2>Charts</h2>\n")
                .append("<p class=\"hint\">Hover a chart for its values; click a legend entry to hide or show it, or ")
                .append("a server above to hide it in every chart; drag across a chart to zoom, double-click to ")
                .append("zoom out. The model is drawn dashed in the server's colour.</p>\n")
                .append("<noscript><p class=\"warn\">The charts need JavaScript; the tables below do not.</p></noscript>\n")
                .append("<div id=\"chart-list\"></div>\n");
        if (!curves.leftOut().isEmpty()) {
            body.append("<p class=\"note\">No latency percentile curve for:</p>\n<ul class=\"note\">\n");
            curves.leftOut().forEach(n -> body.append("<li>").append(HtmlPage.escape(n)).append("</li>\n"));
            body.append("</ul>\n");
        }
        body.append("</section>\n");
        if (markdown == null) {
            body.append("<section><h2>Tables</h2><p class=\"warn\">report.md was not found beside summary.json, so ")
                    .append("its tables are not shown.</p></section>\n");
        }
        for (MarkdownHtml.Section s : sections) {
            if (s.title() != null && !s.title().equals("Summary") && !s.title().equals("Charts")) {
                section(body, s);
            }
        }
        body.append("<footer><p>Written by iobench ").append(HtmlPage.escape(text(env.iobench())))
                .append(" from the report directory's summary.json, hlog/, results.csv and report.md")
                .append(" (<code>iobench report DIR</code> writes it again). Charts drawn by uPlot ")
                .append(HtmlPage.escape(HtmlPage.uplotVersion())).append(" (MIT License).</p></footer>\n");
        return HtmlPage.document("iobench report " + text(env.started()), body.toString(), data);
    }

    /** A row worth a second look: a broken threshold, a scenario that is not valid, a change beyond noise. */
    static boolean highlighted(List<String> cells) {
        return cells.stream().anyMatch(c -> c.equals("**BROKEN**") || c.equals("**yes**") || c.endsWith("(not valid)"));
    }

    private static void nav(StringBuilder body, List<MarkdownHtml.Section> sections) {
        body.append("<nav>\n<div id=\"server-toggles\" class=\"toggles\"></div>\n<ul>");
        body.append("<li><a href=\"#verdict\">Verdict</a></li>");
        sections.stream().filter(s -> "Summary".equals(s.title())).forEach(s -> link(body, s));
        body.append("<li><a href=\"#charts\">Charts</a></li>");
        sections.stream().filter(s -> s.title() != null && !s.title().equals("Summary") && !s.title().equals("Charts"))
                .forEach(s -> link(body, s));
        body.append("</ul>\n</nav>\n");
    }

    private static void link(StringBuilder body, MarkdownHtml.Section s) {
        body.append("<li><a href=\"#").append(s.id()).append("\">").append(MarkdownHtml.inline(s.title()))
                .append("</a></li>");
    }

    private static void section(StringBuilder body, MarkdownHtml.Section s) {
        body.append("<section id=\"").append(s.id()).append("\">\n");
        if (s.title() != null) {
            body.append("<h2>").append(MarkdownHtml.inline(s.title())).append("</h2>\n");
        }
        body.append(s.html()).append("</section>\n");
    }

    /** The verdict in a few lines: complete or not, valid scenarios, thresholds, and each server's mean speedup. */
    static String verdict(Summary summary) {
        List<String> status = new ArrayList<>();
        boolean bad = false;
        if (!summary.complete()) {
            bad = true;
            status.add("<strong>INCOMPLETE</strong>: " + HtmlPage.escape(text(summary.incompleteReason()))
                    + "; the figures cover only the runs that finished");
        }
        int scenarios = summary.scenarios().size();
        List<String> invalid = summary.scenarios().stream().filter(s -> !s.valid()).map(SummaryScenario::name).toList();
        status.add((scenarios - invalid.size()) + " of " + scenarios + " scenarios valid"
                + (invalid.isEmpty() ? "" : " (not valid: " + HtmlPage.escape(String.join(", ", invalid)) + ")"));
        bad |= !invalid.isEmpty();
        List<Summary.Threshold> thresholds = summary.thresholds();
        if (!thresholds.isEmpty()) {
            long broken = thresholds.stream().filter(t -> !t.met()).count();
            status.add(broken == 0 ? "every threshold met (" + thresholds.size() + ")"
                    : "<strong>" + broken + " of " + thresholds.size() + " thresholds BROKEN</strong>");
            bad |= broken > 0;
        }
        StringBuilder html = new StringBuilder();
        html.append("<section id=\"verdict\" class=\"verdict ").append(bad ? "bad" : "ok").append("\">\n")
                .append("<h2>Verdict</h2>\n<p class=\"status\">").append(String.join("; ", status)).append(".</p>\n");
        List<String> lines = new ArrayList<>();
        Map<String, List<SummaryScenario.Speedup>> byServer = new LinkedHashMap<>();
        summary.scenarios().forEach(s -> s.comparisons()
                .forEach(c -> byServer.computeIfAbsent(c.server(), k -> new ArrayList<>()).add(c)));
        byServer.forEach((server, comparisons) -> {
            List<Double> speedups = new ArrayList<>();
            int significant = 0;
            // Older summary.json files said "sync" here whatever the baseline; they only ever had sync.
            java.util.Set<String> against = new java.util.TreeSet<>();
            comparisons.forEach(c -> against.add(c.against()));
            String base = against.size() == 1 ? "the " + HtmlPage.escape(against.iterator().next()) + " server"
                    : "the baseline";
            for (SummaryScenario.Speedup c : comparisons) {
                if (!Double.isNaN(c.speedup())) {
                    speedups.add(c.speedup());
                    significant += c.interval().significant() ? 1 : 0;
                }
            }
            if (speedups.isEmpty()) {
                lines.add("<strong>" + HtmlPage.escape(server) + "</strong>: no valid scenario, so no speedup");
                return;
            }
            double mean = speedups.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double min = speedups.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = speedups.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            lines.add("<strong>" + HtmlPage.escape(server) + "</strong>: <span class=\"big\">" + Numbers.times(mean)
                    + "</span> " + base + " on average over " + speedups.size() + " valid scenario"
                    + (speedups.size() == 1 ? "" : "s") + " (" + Numbers.times(min) + " to " + Numbers.times(max)
                    + ", " + significant + " significant): <strong>" + SpeedupSummary.decision(mean) + "</strong>");
        });
        for (SummaryCapacity c : summary.capacity()) {
            List<String> parts = new ArrayList<>();
            for (SummaryCapacity.Server s : c.servers()) {
                boolean atLeast = s.lowerBoundPerRepetition().contains(Boolean.TRUE);
                double median = s.capacityRpsMedian();
                String value = Double.isNaN(median) ? "–" : (atLeast ? "≥ " : "") + Numbers.fixed(median, 0) + "/s";
                // Against the baseline, which may be any server; files written before knew sync alone.
                double vs = s.against() == null ? Double.NaN : s.against().estimate();
                parts.add(HtmlPage.escape(s.server()) + " " + value
                        + (Double.isNaN(vs) ? "" : " (" + (atLeast ? "≥ " : "") + Numbers.times(vs) + ")"));
            }
            double slo = c.sloP99Ms();
            lines.add("capacity at the SLO" + (Double.isNaN(slo) ? "" : " (p99 ≤ " + Numbers.fixed(slo, 0) + " ms)")
                    + " in <strong>" + HtmlPage.escape(c.scenario()) + "</strong>: "
                    + String.join(", ", parts));
        }
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

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
