package iobench.report;

import iobench.core.ReportFiles;
import iobench.report.doc.HtmlWriter;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;

/**
 * {@code compare.html}: two runs side by side in one self-contained page. The table is compare.md's
 * (the same blocks of {@link RunComparison}), each row it flagged beyond the noise highlighted and a switch to show
 * only those; the charts set A (dashed) beside B (solid): throughput and p99 against clients,
 * fan-out duration against K, each speedup with its interval, and the latency percentile curves
 * where both directories have hlog files.
 */
public final class HtmlCompare {
    public static final String FILE = "compare.html";

    private HtmlCompare() {
    }

    /** Writes {@code file} comparing the report directories A and B; returns its path. */
    public static Path write(Path dirA, Path dirB, String nameA, String nameB, Path file) throws IOException {
        Summary a = SummaryFile.read(dirA);
        Summary b = SummaryFile.read(dirB);
        String html = render(a, b, nameA, nameB, dirA, dirB);
        Path parent = file.toAbsolutePath().getParent();
        return ReportFiles.write(parent, file.getFileName().toString(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** @param dirA where A's hlog/ is, or null (B likewise): curves only where both have them */
    public static String render(Summary a, Summary b, String nameA, String nameB, Path dirA, Path dirB) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("page", "compare");
        ObjectNode sideA = data.putObject("a");
        sideA.put("name", nameA);
        sideA.set("summary", SummaryFile.tree(a));
        sideA.set("latency_curves", LatencyCurves.of(a, dirA).curves());
        ObjectNode sideB = data.putObject("b");
        sideB.put("name", nameB);
        sideB.set("summary", SummaryFile.tree(b));
        sideB.set("latency_curves", LatencyCurves.of(b, dirB).curves());

        List<Section> sections = RunComparison.compared(a, b, nameA, nameB).sections();
        // The rows the comparison flagged: each a figure beyond the noise.
        long beyond = sections.stream().flatMap(s -> s.blocks().stream())
                .filter(Table.class::isInstance).map(Table.class::cast)
                .flatMap(t -> t.rows().stream()).filter(Table.Row::flagged).count();
        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>iobench compare</h1>\n<p class=\"meta\"><span class=\"tag a\">A</span> ")
                .append(HtmlPage.escape(nameA)).append(" (").append(HtmlPage.escape(started(a)))
                .append(") · <span class=\"tag b\">B</span> ").append(HtmlPage.escape(nameB)).append(" (")
                .append(HtmlPage.escape(started(b))).append(")</p>\n</header>\n");
        body.append("<section id=\"verdict\" class=\"verdict ").append(beyond == 0 ? "ok" : "bad").append("\">\n")
                .append("<h2>Verdict</h2>\n<p class=\"status\">")
                .append(beyond == 0 ? "No figure changed beyond the noise."
                        : "<span class=\"big\">" + beyond + "</span> figure" + (beyond == 1 ? "" : "s")
                        + " changed beyond the noise (highlighted in the table).")
                .append("</p>\n");
        if (!a.complete() || !b.complete()) {
            body.append("<p class=\"warn\">At least one of the runs is INCOMPLETE.</p>\n");
        }
        body.append("</section>\n");
        body.append("<nav>\n<div id=\"server-toggles\" class=\"toggles\"></div>\n<ul>")
                .append("<li><a href=\"#verdict\">Verdict</a></li><li><a href=\"#charts\">Charts</a></li>")
                .append("<li><a href=\"#figures\">Every figure</a></li></ul>\n</nav>\n");
        body.append("<section id=\"charts\">\n<h2>Charts</h2>\n")
                .append("<p class=\"hint\">A is dashed, B solid, each server in its colour. Hover for values; click a ")
                .append("legend entry to hide it; drag to zoom, double-click to zoom out.</p>\n")
                .append("<noscript><p class=\"warn\">The charts need JavaScript; the table below does not.</p></noscript>\n")
                .append("<div id=\"chart-list\"></div>\n</section>\n");
        body.append("<section id=\"figures\">\n<h2>Every figure</h2>\n")
                .append("<p><label class=\"switch\"><input type=\"checkbox\" id=\"only-beyond\"> show only the figures ")
                .append("beyond the noise</label></p>\n");
        sections.forEach(s -> body.append(HtmlWriter.blocks(s.blocks())));
        body.append("</section>\n");
        body.append("<footer><p>Written by iobench from the two directories' summary.json and hlog/ ")
                .append("(<code>iobench compare A B --html FILE</code>). Charts drawn by uPlot ")
                .append(HtmlPage.escape(HtmlPage.uplotVersion())).append(" (MIT License).</p></footer>\n");
        return HtmlPage.document("iobench compare " + nameA + " / " + nameB, body.toString(), data);
    }

    private static String started(Summary summary) {
        String s = summary.environment().started();
        return (s == null || s.isEmpty() ? "start unknown" : "started " + s) + (summary.complete() ? "" : ", INCOMPLETE");
    }
}
