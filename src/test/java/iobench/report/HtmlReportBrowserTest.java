package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.ServerStats;
import iobench.core.ReportFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * report.html and compare.html in a real browser: Debian's headless Chromium, driven through the
 * system chromedriver given explicitly (so Selenium Manager never runs and nothing is downloaded),
 * opens each file from disk, waits until the page says every chart is drawn, and checks that no
 * script failed and that each chart's canvas holds pixels of its series' colours (not only axes).
 * scripts/test-deps.sh installs chromium and chromium-driver (make test and .ci/run call it); a
 * missing browser fails the test with the command to install them, on every machine. Screenshots land in target/report-html/.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/report-html");

    /** Selenium's own logging: only what fails (its CDP version note is no news for a headless test). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // Fails, never skips: a run without the browser is not the suite (make test installs it first).
            fail("needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (scripts/test-deps.sh does, as make test and .ci/run run it)");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("iobench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void reportHtmlOpensFromDiskWithNoScriptErrorAndEveryChartDrawn(@TempDir Path tmp) throws IOException {
        Path dir = HtmlReportTest.copyFixture(tmp.resolve("run"));
        Path page = HtmlReport.write(dir);
        List<Map<String, Object>> charts = open(page, "report.png");
        // clients: throughput, latency; fan-out; p99 against rate; 2 percentile curves; CPU, allocation.
        assertEquals(8, charts.size(), charts::toString);
        List<String> titles = charts.stream().map(c -> (String) c.get("title")).toList();
        assertTrue(titles.contains("p99 latency against offered rate: capacity"), titles::toString);
        assertTrue(titles.contains("Latency percentiles: clients-50"), titles::toString);
        assertTrue(titles.contains("CPU time per downstream call"), titles::toString);

        // Hiding a server hides its series in every chart, and the page redraws without errors.
        JavascriptExecutor js = driver;
        js.executeScript("var box = document.querySelector('#server-toggles input[data-server=sync]');"
                + "box.click();");
        Object syncShown = js.executeScript("return document.querySelectorAll('.u-legend .u-series.u-off').length;");
        assertTrue(((Number) syncShown).intValue() > 0, "legend entries of sync are off");
        assertEquals(List.of(), errors(), "no script error after hiding a server");
    }

    @Test
    void theReportHtmlBenchWritesOpensWithNoScriptErrorAndItsTablesMarked(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("bench");
        iobench.analysis.BenchReport report = HtmlReportTest.writeFixedRun(dir, FixedRunsAccess.report());
        List<Map<String, Object>> charts = open(dir.resolve(HtmlReport.FILE), "report-bench.png");
        assertTrue(charts.size() >= 3, charts::toString);
        JavascriptExecutor js = driver;
        long marked = (Long) js.executeScript("return document.querySelectorAll('tr.hl').length;");
        long invalidRows = report.scenarios().stream().filter(s -> !s.valid()).mapToLong(s -> s.servers().size()).sum();
        assertTrue(invalidRows > 0, "the fixture has a scenario that is not valid");
        assertEquals(invalidRows, marked, "the rows of the scenario that is not valid");
    }

    @Test
    void timeToSteadyIsDrawnWhenTheSummaryHasIt(@TempDir Path tmp) throws IOException {
        Path dir = HtmlReportTest.copyFixture(tmp.resolve("run"));
        com.fasterxml.jackson.databind.node.ObjectNode summary =
                iobench.testing.Summaries.tree(iobench.report.summary.SummaryFile.read(dir));
        // The fields bench writes (summary.json time_to_steady), as a run before warm-up until steady lacks them.
        var steady = summary.putArray("time_to_steady");
        steady.addObject().put("server", "sync").put("first_request_ms", 42.0).put("first_request_delay_ms", 10)
                .put("steady", true).put("steady_in", "low").put("calls", 13120).put("seconds", 22.5);
        steady.addObject().put("server", "async").put("first_request_ms", 129.0).put("first_request_delay_ms", 10)
                .put("steady", false).putNull("steady_in").put("calls", 37888).put("seconds", 20.5);
        var typed = iobench.testing.Summaries.of(summary);
        Path page = Files.writeString(tmp.resolve("steady.html"), HtmlReport.render(typed, HtmlVerdict.of(typed),
                null, dir));
        List<String> titles = open(page, "steady.png").stream().map(c -> (String) c.get("title")).toList();
        assertEquals(9, titles.size(), titles::toString);
        assertTrue(titles.contains("Time to steady"), titles::toString);
    }

    @Test
    void compareHtmlOpensFromDiskWithNoScriptErrorAndEveryChartDrawn(@TempDir Path tmp) throws IOException {
        Path run = HtmlReportTest.copyFixture(tmp.resolve("run"));
        Path page = HtmlCompare.write(run, run, "run", "run again", tmp.resolve("compare.html"));
        List<Map<String, Object>> charts = open(page, "compare.png");
        // throughput, p99, fan-out, speedups, 2 percentile curves
        assertEquals(6, charts.size(), charts::toString);

        Path other = HtmlCompare.write(Path.of("src/test/resources/compare/a"), Path.of("src/test/resources/compare/b"),
                "a", "b", tmp.resolve("compare-ab.html"));
        List<Map<String, Object>> ab = open(other, "compare-ab.png");
        assertTrue(ab.size() >= 2, ab::toString);
        JavascriptExecutor js = driver;
        long all = (Long) js.executeScript("return document.querySelectorAll('#figures tbody tr').length;");
        js.executeScript("document.getElementById('only-beyond').click();");
        long shown = (Long) js.executeScript("return Array.from(document.querySelectorAll('#figures tbody tr'))"
                + ".filter(function (r) { return r.offsetParent !== null; }).length;");
        long marked = (Long) js.executeScript("return document.querySelectorAll('#figures tbody tr.hl').length;");
        assertTrue(marked > 0 && shown == marked && shown < all, "only the " + marked + " marked rows stay: " + shown);
    }

    /**
     * report.html of the golden inputs, whose clients scenarios run at two delays (broken: 20 clients,
     * 0.5 s; clients-100: 100 clients, 0.2 s): every line of its clients charts joins the two, and each
     * must plot a figure the delay does not change (requests served at once, latency in delays), as the
     * PNG charts do (ChartWriterTest), never requests per second or milliseconds. The model checked by
     * hand (T = 8): a pool serves 20 / 3 and 100 / 13 at once and waits 3 and 13 delays; async all N, one delay.
     */
    @Test
    void theClientsChartsJoinTwoDelaysOnlyInFiguresTheDelayDoesNotChange(@TempDir Path tmp) throws IOException {
        BenchReport report = FixedRunsAccess.report();
        Path dir = tmp.resolve("golden");
        ReportFiles.write(dir, iobench.report.summary.Summary.FILE, iobench.report.summary.SummaryFile.text(SummaryJson.of(report)));
        ReportFiles.write(dir, HtmlReport.MARKDOWN, MarkdownReport.render(report, List.of(), null));
        open(HtmlReport.write(dir), "golden.png");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) driver.executeScript("return window.iobenchCharts;");

        Map<String, double[]> served = lines(charts, "Requests served at once against concurrent clients");
        Map<String, double[]> latency = lines(charts, "p50 and p99 latency in delays against concurrent clients");
        for (String server : List.of("sync", "async")) {
            ServerStats at20 = stats(report, "broken", server);
            ServerStats at100 = stats(report, "clients-100", server);
            assertArrayEquals(new double[] {at20.throughputRps().median() * 0.5, at100.throughputRps().median() * 0.2},
                    served.get(server), 1e-9, server);
            assertArrayEquals(new double[] {at20.p50Ms().median() / 500, at100.p50Ms().median() / 200},
                    latency.get(server + " p50"), 1e-9, server);
            assertArrayEquals(new double[] {at20.p99Ms().median() / 500, at100.p99Ms().median() / 200},
                    latency.get(server + " p99"), 1e-9, server);
        }
        assertArrayEquals(new double[] {20.0 / 3, 100.0 / 13}, served.get("sync model"), 1e-9);
        assertArrayEquals(new double[] {20, 100}, served.get("async model"), 1e-9);
        assertArrayEquals(new double[] {3, 13}, latency.get("sync model"), 1e-9);
        assertArrayEquals(new double[] {1, 1}, latency.get("async model"), 1e-9);
        assertEquals(java.util.Set.of("sync", "async", "sync model", "async model"), served.keySet());
        assertEquals(java.util.Set.of("sync p50", "async p50", "sync p99", "async p99", "sync model", "async model"),
                latency.keySet());
    }

    /** The chart's lines by label: each line's y at 20 and at 100 clients, after checking it has exactly those points. */
    private static Map<String, double[]> lines(List<Map<String, Object>> charts, String title) {
        Map<String, Object> chart = charts.stream().filter(c -> title.equals(c.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no chart '" + title + "' in " + charts));
        Map<String, double[]> lines = new java.util.LinkedHashMap<>();
        for (Object o : (List<?>) chart.get("series")) {
            Map<?, ?> series = (Map<?, ?>) o;
            // In the summary's order of scenarios; the chart draws them by x.
            List<?> pts = ((List<?>) series.get("pts")).stream()
                    .sorted(java.util.Comparator.comparingDouble(p -> ((Number) ((List<?>) p).get(0)).doubleValue())).toList();
            double[] x = pts.stream().mapToDouble(p -> ((Number) ((List<?>) p).get(0)).doubleValue()).toArray();
            assertArrayEquals(new double[] {20, 100}, x, 0, series.get("label") + ": x");
            lines.put((String) series.get("label"),
                    pts.stream().mapToDouble(p -> ((Number) ((List<?>) p).get(1)).doubleValue()).toArray());
        }
        return lines;
    }

    private static ServerStats stats(BenchReport report, String scenario, String server) {
        return report.scenarios().stream().filter(s -> s.scenario().name().equals(scenario)).findFirst().orElseThrow()
                .servers().stream().filter(st -> st.server().label().equals(server)).findFirst().orElseThrow();
    }

    /** Opens the file, waits for the page to say it is drawn, checks it; returns each chart's pixel counts. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> open(Path file, String screenshot) throws IOException {
        driver.get(file.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-drawn');")));
        assertEquals(List.of(), errors(), "no script error in " + file);
        List<Map<String, Object>> charts = (List<Map<String, Object>>) driver.executeScript(PIXELS);
        long expected = Long.parseLong((String) driver.executeScript(
                "return document.documentElement.getAttribute('data-charts');"));
        assertEquals(expected, charts.size(), "the page drew as many charts as it has");
        for (Map<String, Object> c : charts) {
            assertTrue((Boolean) c.get("canvas"), "a canvas: " + c);
            assertTrue(((Number) c.get("painted")).longValue() > 1000, "axes and grid drawn: " + c);
            assertTrue(((Number) c.get("series")).longValue() > 40, "the series drawn in their colours: " + c);
        }
        // The whole page, for a person to look at.
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 100, 16_000)));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(screenshot), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return charts;
    }

    /** Script errors the page caught, and severe entries of the browser's console. */
    private static List<String> errors() {
        List<String> errors = new ArrayList<>();
        Object caught = driver.executeScript("return window.iobenchErrors || ['the error catcher did not run'];");
        ((List<?>) caught).forEach(e -> errors.add(String.valueOf(e)));
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** Per chart: whether it has a canvas, how many pixels are painted, how many in a series' colour. */
    private static final String PIXELS = """
            function rgb(hex) {
              var n = parseInt(hex.slice(1), 16);
              return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
            }
            return Array.from(document.querySelectorAll('figure.chart')).map(function (fig) {
              var title = fig.querySelector('figcaption').textContent;
              var canvas = fig.querySelector('canvas');
              if (!canvas) return {title: title, canvas: false, painted: 0, series: 0};
              var colors = (fig.getAttribute('data-colors') || '').split(' ').filter(Boolean).map(rgb);
              var d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              var painted = 0, series = 0;
              for (var i = 0; i < d.length; i += 4) {
                if (d[i + 3] === 0) continue;
                painted++;
                if (d[i + 3] < 200) continue;
                for (var k = 0; k < colors.length; k++) {
                  var c = colors[k];
                  if (Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) < 40) { series++; break; }
                }
              }
              return {title: title, canvas: true, width: canvas.width, height: canvas.height, painted: painted, series: series};
            });
            """;
}
