package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.testing.Summaries;
import iobench.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** report.html and compare.html from the command line: bench, 'iobench report DIR' and 'compare --html'. */
class HtmlCommandsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/html/report");

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static String dataOf(Path html) throws IOException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int start = page.indexOf("<script type=\"application/json\" id=\"iobench-data\">");
        assertTrue(start > 0, "the page has its data");
        return page.substring(start, page.indexOf("</script>", start));
    }

    @Test
    @Timeout(120)
    void benchWritesReportHtmlAndWithABaselineCompareHtml(@TempDir Path dir) throws IOException {
        String yaml = """
                defaults: {repetitions: 1, warmup: 0, servers: [sync, async]}
                scenarios:
                  - {name: fan, kind: fan-out, delay: 10ms, concurrent: 2}
                  - {name: clients-20, kind: clients, delay: 10ms, clients: 20}
                """;
        Path scenarios = Files.writeString(dir.resolve("s.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString(),
                "--baseline", FIXTURE.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.err().contains("could not be written"), r.err());
        Path report = out.resolve("report.html");
        assertTrue(Files.size(report) > 50_000, "uPlot and the data are inlined");
        assertTrue(dataOf(report).contains("\"clients-20\""), "the page carries this run's summary");
        Path compare = out.resolve("compare.html");
        assertTrue(Files.isRegularFile(compare), "--baseline writes compare.html beside compare.md");
        assertTrue(Files.isRegularFile(out.resolve("compare.md")));
        String data = dataOf(compare);
        assertTrue(data.contains("\"capacity\"") && data.contains("\"clients-20\""), "both runs are in it");
    }

    @Test
    void reportRewritesReportHtmlFromTheDirectory(@TempDir Path dir) throws IOException {
        Path run = copy(FIXTURE, dir.resolve("run"));
        assertFalse(Files.exists(run.resolve("report.html")));
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Wrote " + run.resolve("report.html") + System.lineSeparator(), r.out());
        assertTrue(Files.size(run.resolve("report.html")) > 50_000);
        assertTrue(dataOf(run.resolve("report.html")).contains(
                Summaries.read(run).path("environment").path("started").asText()));
    }

    @Test
    void reportRefusesADirectoryWithoutASummaryInOneLine(@TempDir Path dir) {
        CliRun r = CliRun.of("report", dir.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("has no readable summary.json"), r.err());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void compareWritesHtmlWhenAsked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/compare.html");
        Files.createDirectories(file.getParent());
        CliRun r = CliRun.of("compare", "src/test/resources/compare/a", "src/test/resources/compare/b", "--html",
                file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("# iobench compare"), "the Markdown is still printed");
        assertTrue(Files.size(file) > 50_000);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("<tr class=\"hl\">"),
                "the figures beyond the noise are marked");
    }

    @Test
    void theHelpListsReport() {
        assertTrue(CliRun.of("--help").out().contains("report"));
        assertTrue(CliRun.of("report", "--help").out().contains("report.html"));
        assertTrue(CliRun.of("compare", "--help").out().contains("--html"));
    }
}
