package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.CostRanges;
import iobench.core.ReportFiles;
import iobench.report.doc.Document;
import iobench.report.doc.HtmlWriter;
import iobench.report.doc.Section;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;

/**
 * {@code report.html}: the whole report in one file to explore in a browser: the verdict and the
 * summary first, then the interactive charts (uPlot), then every other section of report.md with
 * its tables. {@code bench} writes it from the run in memory: its analysis, its summary tree
 * (the page's chart data) and report.md's sections as made once ({@link MarkdownReport#document});
 * nothing is read back from report.md. {@code iobench report DIR} has only the directory, so it
 * writes the page from summary.json: the verdict's status and the charts, without report.md's tables.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    public static final String MARKDOWN = "report.md";

    private HtmlReport() {
    }

    /**
     * Writes {@code dir/report.html} for a run just analysed; returns its path.
     *
     * @param summary  its summary ({@link SummaryJson#of}), the charts' data
     * @param document report.md's sections, with any appended (a baseline's comparison, merge's segments)
     * @param dir      where hlog/ and results.csv were written (the percentile curves and the cost ranges)
     */
    public static Path write(Path dir, BenchReport report, Summary summary, Document document) throws IOException {
        return ReportFiles.write(dir, FILE, render(summary, HtmlVerdict.of(report), document.sections(), dir));
    }

    /** Writes {@code dir/report.html} from the directory's summary.json, hlog/ and results.csv; returns its path. */
    public static Path write(Path dir) throws IOException {
        Summary summary = SummaryFile.read(dir);
        return ReportFiles.write(dir, FILE, render(summary, HtmlVerdict.of(summary), null, dir));
    }

    /**
     * @param verdict  the verdict section (HTML)
     * @param sections report.md's sections, or null when the page is made from summary.json alone
     * @param dir      where hlog/ and results.csv are, or null for none
     */
    static String render(Summary summary, String verdict, List<Section> sections, Path dir) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("page", "report");
        data.set("summary", SummaryFile.tree(summary));
        LatencyCurves.Curves curves = LatencyCurves.of(summary, dir);
        data.set("latency_curves", curves.curves());
        data.set("cost_ranges", CostRanges.of(dir));

        Summary.Environment env = summary.environment();
        List<Section> all = sections == null ? List.of() : sections;
        List<String> ids = HtmlWriter.ids(all);
        // The summary comes first, before the charts; report.md's PNG charts not at all: the page draws its own.
        List<Integer> top = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        Integer summarySection = null;
        for (int i = 0; i < all.size(); i++) {
            String title = all.get(i).title();
            if (title == null) {
                top.add(i);
            } else if (title.equals(MarkdownReport.SUMMARY)) {
                summarySection = i;
            } else if (!title.equals(MarkdownReport.CHARTS)) {
                rest.add(i);
            }
        }
        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>iobench report</h1>\n<p class=\"meta\">")
                .append(HtmlPage.escape(text(env.started()))).append(" · ")
                .append(HtmlPage.escape(text(env.scenarios()))).append(" · iobench ")
                .append(HtmlPage.escape(text(env.iobench()))).append(" · ")
                .append(HtmlPage.escape(text(env.jvm()))).append(" · ")
                .append(env.cores() > 0 ? String.valueOf(env.cores()) : "?").append(" cores</p>\n</header>\n");
        body.append(verdict);
        body.append("<nav>\n<div id=\"server-toggles\" class=\"toggles\"></div>\n<ul>");
        body.append("<li><a href=\"#verdict\">Verdict</a></li>");
        if (summarySection != null) {
            link(body, all, ids, summarySection);
        }
        body.append("<li><a href=\"#charts\">Charts</a></li>");
        rest.forEach(i -> link(body, all, ids, i));
        body.append("</ul>\n</nav>\n");
        top.forEach(i -> body.append(HtmlWriter.section(all.get(i), ids.get(i))));
        if (summarySection != null) {
            body.append(HtmlWriter.section(all.get(summarySection), ids.get(summarySection)));
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
        if (sections == null) {
            body.append("<section><h2>Tables</h2><p class=\"note\">This page was written again from summary.json ")
                    .append("(<code>iobench report DIR</code>), which holds the figures but not the tables: they ")
                    .append("are in report.md beside it. <code>bench</code> writes them into report.html.</p></section>\n");
        }
        rest.forEach(i -> body.append(HtmlWriter.section(all.get(i), ids.get(i))));
        body.append("<footer><p>Written by iobench ").append(HtmlPage.escape(text(env.iobench())))
                .append(sections == null ? " from the report directory's summary.json, hlog/ and results.csv"
                        + " (<code>iobench report DIR</code>)" : " with the run's report.md, summary.json, hlog/ and results.csv")
                .append(". Charts drawn by uPlot ")
                .append(HtmlPage.escape(HtmlPage.uplotVersion())).append(" (MIT License).</p></footer>\n");
        return HtmlPage.document("iobench report " + text(env.started()), body.toString(), data);
    }

    private static void link(StringBuilder body, List<Section> sections, List<String> ids, int i) {
        body.append("<li><a href=\"#").append(ids.get(i)).append("\">").append(HtmlPage.escape(sections.get(i).title()))
                .append("</a></li>");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
