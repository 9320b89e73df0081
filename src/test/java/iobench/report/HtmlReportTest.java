package iobench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.report.summary.SummaryFile;
import iobench.testing.Summaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import iobench.analysis.BenchReport;
import iobench.analysis.Numbers;
import iobench.analysis.SpeedupSummary;
import iobench.bench.contender.Contender;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import iobench.report.format.AnalysedRun;
import iobench.report.format.ReportWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html and compare.html as files: the data in the page is what summary.json holds, nothing
 * points outside the file, every table of report.md is there (as bench writes the page, from the
 * run), and nothing in the data can break out of its script element. The directory fixture is a real
 * bench run (src/test/resources/html/scenarios.yaml), for {@code iobench report DIR}.
 */
class HtmlReportTest {
    static final Path FIXTURE = Path.of("src/test/resources/html/report");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A copy of the fixture report directory, so that writing report.html leaves the sources alone. */
    static Path copyFixture(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(FIXTURE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    static JsonNode data(Document page) throws IOException {
        Element script = page.getElementById(HtmlPage.DATA_ID);
        assertNotNull(script, "the page has its data element");
        assertEquals("application/json", script.attr("type"));
        return JSON.readTree(script.data());
    }

    /** A run of FixedRuns written by bench's writer into {@code dir}: report.md, report.html and the rest. */
    static BenchReport writeFixedRun(Path dir, BenchReport report) throws IOException {
        List<String> warnings = ReportWriter.everyOutput().write(AnalysedRun.of(report, null, null), dir);
        assertEquals(List.of(), warnings);
        return report;
    }

    @Test
    void benchWritesEveryTableOfReportMdIntoThePageWithTheSummaryAsItsData(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        BenchReport report = writeFixedRun(dir, FixedRunsAccess.report());
        Document page = Jsoup.parse(dir.resolve(HtmlReport.FILE).toFile(), "UTF-8");

        JsonNode data = data(page);
        assertEquals("report", data.path("page").asText());
        assertEquals(SummaryFile.tree(SummaryFile.read(dir)), data.path("summary"),
                "the page's data is summary.json as read, figure for figure");

        String markdown = Files.readString(dir.resolve(HtmlReport.MARKDOWN), StandardCharsets.UTF_8);
        List<List<String>> mdHeaders = tableHeaders(markdown);
        List<List<String>> htmlHeaders = page.select("table").stream()
                .map(t -> t.select("thead th").stream().map(Element::text).toList()).toList();
        assertTrue(mdHeaders.size() >= 5, "the fixture has tables: " + mdHeaders);
        assertEquals(mdHeaders.size(), htmlHeaders.size(), "one HTML table per table of report.md");
        for (List<String> header : mdHeaders) {
            assertTrue(htmlHeaders.contains(header), "report.md's table " + header + " is in the page");
        }

        // The broken scenario is not valid: its rows, and only they, are marked.
        assertFalse(report.scenarios().stream().filter(s -> s.scenario().name().equals("broken")).findFirst()
                .orElseThrow().valid());
        List<Element> marked = page.select("tr.hl");
        int brokenRows = report.scenarios().stream().filter(s -> !s.valid()).mapToInt(s -> s.servers().size()).sum();
        assertEquals(brokenRows, marked.size(), marked::toString);
        assertTrue(marked.get(0).text().contains("broken (not valid)"), marked.get(0).text());

        Element verdict = page.getElementById("verdict");
        assertTrue(verdict.hasClass("bad"), "a scenario is not valid");
        assertTrue(verdict.text().contains("3 of 4 scenarios valid (not valid: broken)"), verdict.text());
        for (Contender server : List.of(Contender.ASYNC, Contender.VIRTUAL)) {
            SpeedupSummary sum = SpeedupSummary.of(report, server, null);
            String line = server.label() + ": " + Numbers.times(sum.mean()) + " the sync server on average over "
                    + sum.valid() + " valid scenarios (" + Numbers.times(sum.min()) + " to " + Numbers.times(sum.max())
                    + ", " + sum.significant() + " significant): " + SpeedupSummary.decision(sum.mean());
            assertTrue(verdict.text().contains(line), "the analysis' figures: " + line + " in " + verdict.text());
        }
        Element summary = page.getElementById("s-summary");
        assertNotNull(summary, "report.md's summary is on the page");
        assertTrue(summary.elementSiblingIndex() < page.getElementById("charts").elementSiblingIndex(),
                "the verdict and the summary come before the charts");
        assertTrue(page.getElementById("charts").elementSiblingIndex()
                < page.getElementById("s-environment").elementSiblingIndex(), "then the tables");
        assertTrue(page.select("img").isEmpty(), "report.md's PNG charts are not linked: the page draws its own");
        assertEquals(1, summary.select("p strong").stream().filter(e -> e.text().equals("async")).count(),
                "the summary's sentences name their server in bold, not in stars");
        assertFalse(page.body().text().contains("**"), "no Markdown mark on the page");
    }

    @Test
    void reportDirWritesThePageFromSummaryJsonAloneNeverFromReportMd(@TempDir Path tmp) throws IOException {
        Path dir = copyFixture(tmp.resolve("run"));
        Path file = HtmlReport.write(dir);
        assertEquals(dir.resolve("report.html"), file);
        String withMarkdown = Files.readString(file, StandardCharsets.UTF_8);
        Document page = Jsoup.parse(withMarkdown);
        assertEquals(SummaryFile.tree(SummaryFile.read(dir)), data(page).path("summary"), "the page's data is summary.json");
        Element verdict = page.getElementById("verdict");
        assertTrue(verdict.text().contains("8 of 8 scenarios valid"), verdict.text());
        assertTrue(verdict.text().contains("every threshold met (21)"), verdict.text());
        assertTrue(page.text().contains("they are in report.md beside it"), page.text());
        assertTrue(page.select("table").isEmpty(), "no table made up from anything but the run");

        Files.delete(dir.resolve("report.md"));
        assertEquals(withMarkdown, Files.readString(HtmlReport.write(dir), StandardCharsets.UTF_8),
                "report.md is not read");
    }

    @Test
    void nothingPointsOutsideTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copyFixture(tmp.resolve("run"));
        Document page = Jsoup.parse(HtmlReport.write(dir).toFile(), "UTF-8");
        assertSelfContained(page);
    }

    static void assertSelfContained(Document page) {
        assertTrue(page.select("[src]").isEmpty(), "no src attribute: " + page.select("[src]"));
        for (Element e : page.select("[href]")) {
            String href = e.attr("href");
            assertTrue(href.startsWith("#"), "only links inside the page: " + e);
            assertNotNull(page.getElementById(href.substring(1)), "the link's target exists: " + e);
        }
        assertTrue(page.select("link, img, iframe, object, embed, base, form").isEmpty(), "no external resources");
        for (Element style : page.select("style")) {
            assertFalse(style.data().contains("url(") || style.data().contains("@import"), "styles load nothing");
        }
        for (Element script : page.select("script")) {
            assertFalse(script.data().contains("fetch(") || script.data().contains("XMLHttpRequest"),
                    "scripts fetch nothing");
        }
        assertEquals(4, page.select("script").size(), "error catcher, data, uPlot, the page's script");
    }

    @Test
    void theDataCarriesLatencyCurvesFromHlogAndCostRangesFromResultsCsv(@TempDir Path tmp) throws IOException {
        Path dir = copyFixture(tmp.resolve("run"));
        JsonNode data = data(Jsoup.parse(HtmlReport.write(dir).toFile(), "UTF-8"));
        List<String> curves = new ArrayList<>();
        data.path("latency_curves").forEach(c -> curves.add(c.path("scenario").asText()));
        // clients-5: 2 repetitions x 5 latencies, too few; fan-out: one request per repetition; rate: by rate.
        assertEquals(List.of("clients-20", "clients-50"), curves);
        JsonNode c50 = data.path("latency_curves").get(1);
        JsonNode x = c50.path("x");
        assertEquals(1.0, x.get(0).asDouble(), "curves start at 1/(1-p) = 1, the lowest value");
        for (JsonNode s : c50.path("series")) {
            assertEquals(100, s.path("count").asLong(), "2 repetitions x 50 clients");
            JsonNode y = s.path("y_ms");
            assertEquals(x.size(), y.size());
            double last = 0;
            int lastIndex = -1;
            for (int i = 0; i < y.size(); i++) {
                if (!y.get(i).isNull()) {
                    assertTrue(y.get(i).asDouble() >= last, "a percentile curve never goes down");
                    last = y.get(i).asDouble();
                    lastIndex = i;
                }
            }
            assertEquals(100.0, x.get(lastIndex).asDouble(), "it ends at its number of values, with the maximum");
        }
        JsonNode k20 = null;
        for (JsonNode r : data.path("cost_ranges")) {
            if (r.path("scenario").asText().equals("k20") && r.path("server").asText().equals("sync")) {
                k20 = r;
            }
        }
        assertNotNull(k20, "k20 sync has a cost range");
        double cpu = findServer(data.path("summary"), "k20", "sync").path("costs").path("cpu_ms_per_call").asDouble();
        assertTrue(k20.path("cpu_ms_per_call").get(0).asDouble() <= cpu + 1e-3
                && cpu <= k20.path("cpu_ms_per_call").get(1).asDouble() + 1e-3, "the per-call figure lies in its range");
    }

    private static JsonNode findServer(JsonNode summary, String scenario, String server) {
        for (JsonNode s : summary.path("scenarios")) {
            if (s.path("name").asText().equals(scenario)) {
                for (JsonNode st : s.path("servers")) {
                    if (st.path("server").asText().equals(server)) {
                        return st;
                    }
                }
            }
        }
        throw new AssertionError(scenario + "/" + server + " is not in the summary");
    }

    @Test
    void nothingInTheDataOrTheTablesCanEndItsElementOrAddMarkup(@TempDir Path tmp) throws IOException {
        Path dir = copyFixture(tmp.resolve("run"));
        ObjectNode summary = Summaries.tree(SummaryFile.read(dir));
        String hostile = "</script><script>window.pwned=1</script><!-- & \u2028 '\" **not bold** `x`";
        ((ObjectNode) summary.path("environment")).put("command", hostile);
        List<Section> sections = List.of(new Section("Environment", List.of(
                Table.of("", "").row(false, List.of(Text.of("command"), Text.code(hostile)))
                        .row("note", "<b>bold?</b> a | pipe").build(),
                Block.paragraph(Text.of("Text with <img src=x onerror=alert(1)> and ").thenStrong("bold").then(" ")
                        .thenEmphasis("it").then(".")))));
        var typed = Summaries.of(summary);
        String html = HtmlReport.render(typed, HtmlVerdict.of(typed), sections, dir);
        assertFalse(html.contains("window.pwned=1</script>"), "the data cannot close its element");
        Document page = Jsoup.parse(html);
        assertEquals(4, page.select("script").size(), "no script element added");
        assertTrue(page.select("b, img").isEmpty(), "table text is text: " + page.select("b, img"));
        assertEquals(hostile, data(page).path("summary").path("environment").path("command").asText(),
                "and still reads back exactly");
        Element table = page.getElementById("s-environment").selectFirst("table");
        assertEquals(hostile, table.select("td code").first().wholeText(), "the cell keeps its text");
        assertEquals("<b>bold?</b> a | pipe", table.select("tbody tr").get(1).select("td").get(1).text());
        assertEquals(1, page.select("p strong").stream().filter(e -> e.text().equals("bold")).count());
        assertEquals(1, page.select("p em").stream().filter(e -> e.text().equals("it")).count());
    }

    @Test
    void theVerdictSaysWhatIsWrongFirst(@TempDir Path tmp) throws IOException {
        Path dir = copyFixture(tmp.resolve("run"));
        ObjectNode summary = Summaries.tree(SummaryFile.read(dir));
        summary.put("complete", false).put("incomplete_reason", "stopped by SIGINT after 3 of 9 runs");
        ((ObjectNode) summary.path("scenarios").get(1)).put("valid", false);
        ((ObjectNode) summary.path("thresholds").get(0)).put("met", false);
        var typed = Summaries.of(summary);
        Element verdict = Jsoup.parse(HtmlReport.render(typed, HtmlVerdict.of(typed), null, dir))
                .getElementById("verdict");
        assertTrue(verdict.hasClass("bad"), verdict.outerHtml());
        String text = verdict.text();
        assertTrue(text.startsWith("Verdict INCOMPLETE: stopped by SIGINT after 3 of 9 runs"), text);
        assertTrue(text.contains("7 of 8 scenarios valid (not valid: k5)"), text);
        assertTrue(text.contains("1 of 21 thresholds BROKEN"), text);

        Path run = tmp.resolve("incomplete");
        writeFixedRun(run, FixedRunsAccess.incomplete("stopped by SIGINT after 3 of 9 runs"));
        Document page = Jsoup.parse(run.resolve(HtmlReport.FILE).toFile(), "UTF-8");
        String bench = page.getElementById("verdict").text();
        assertTrue(bench.startsWith("Verdict INCOMPLETE: stopped by SIGINT after 3 of 9 runs"), bench);
        assertEquals("INCOMPLETE: stopped by SIGINT after 3 of 9 runs. The figures below cover only the runs that "
                + "finished.", page.getElementById("s-top").selectFirst("blockquote").text(), "report.md's quote too");
    }

    @Test
    void compareHtmlSetsBothSummariesSideBySideAndMarksWhatChangedBeyondNoise(@TempDir Path tmp) throws IOException {
        Path a = Path.of("src/test/resources/compare/a");
        Path b = Path.of("src/test/resources/compare/b");
        Path file = HtmlCompare.write(a, b, "a", "b", tmp.resolve("out/compare.html"));
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        JsonNode data = data(page);
        assertEquals("compare", data.path("page").asText());
        assertEquals(JSON.readTree(a.resolve("summary.json").toFile()), data.path("a").path("summary"),
                "a summary of today reads and shows figure for figure as its file");
        assertEquals(JSON.readTree(b.resolve("summary.json").toFile()), data.path("b").path("summary"));
        String md = RunComparison.document(SummaryFile.read(a), SummaryFile.read(b), "a", "b");
        long beyond = md.lines().filter(l -> l.endsWith("| **yes** |")).count();
        assertTrue(beyond > 0, "the fixture has changes beyond noise");
        assertEquals(beyond, page.select("#figures tr.hl").size(), "each one highlighted");
        assertTrue(page.getElementById("verdict").text().contains(beyond + " figures changed beyond the noise"),
                page.getElementById("verdict").text());
        assertSelfContained(page);
    }

    @Test
    void theJsonInTheScriptElementHasNoAngleBracketsOrAmpersands() {
        ObjectNode n = JSON.createObjectNode().put("s", "</script> & <!-- \u2028\u2029 ok");
        String json = HtmlPage.scriptJson(n);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028")
                || json.contains("\u2029"), json);
        assertEquals(n.path("s").asText(), parse(json).path("s").asText());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A pipe-table row's cells, {@code \\|} a pipe inside one. */
    private static List<String> cells(String row) {
        String inner = row.trim().substring(1, row.trim().length() - 1);
        return java.util.Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(c -> c.replace("\\|", "|").trim())
                .toList();
    }

    /** The header row of each pipe table in the Markdown, as its cells' text. */
    private static List<List<String>> tableHeaders(String markdown) {
        List<List<String>> headers = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("|")) {
                if (!inTable) {
                    List<String> header = cells(line).stream()
                            .map(c -> c.replace("**", "").replace("*", "").replace("`", "")).toList();
                    // a table of keys and values has no names for its columns, and the page no heading row
                    headers.add(header.stream().allMatch(String::isBlank) ? List.of() : header);
                }
                inTable = true;
            } else {
                inTable = false;
            }
        }
        return headers;
    }
}
