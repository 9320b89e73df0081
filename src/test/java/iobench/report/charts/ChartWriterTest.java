package iobench.report.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.analysis.BenchReport;
import iobench.report.FixedRunsAccess;
import iobench.report.MarkdownReport;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.io.TempDir;

/** The charts are real PNG files of the chart size, one per chart that report.md names. */
class ChartWriterTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyChartNamedInTheReportIsAValidPngOfTheChartSize(@TempDir Path dir) throws Exception {
        BenchReport report = FixedRunsAccess.report();

        List<Chart> charts = ChartWriter.write(report, dir);
        String md = MarkdownReport.render(report, charts, null);

        // The fixed runs have fan-out and clients scenarios and --isolate costs for clients-100.
        assertEquals(List.of("throughput-vs-clients.png", "latency-vs-clients.png", "fanout-duration.png",
                "cpu-per-call.png"), charts.stream().map(Chart::fileName).toList());
        Matcher links = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(md);
        List<String> linked = links.results().map(m -> m.group(1)).toList();
        assertEquals(charts.stream().map(Chart::fileName).toList(), linked, "report.md links every chart once");
        for (String file : linked) {
            Path png = dir.resolve(file);
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " starts like a PNG");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, file + " decodes");
            assertEquals(ChartWriter.WIDTH, image.getWidth(), file);
            assertEquals(ChartWriter.HEIGHT, image.getHeight(), file);
            assertTrue(Files.size(png) > 5_000, file + " has content, not a blank image");
        }
        try (var listing = Files.list(dir)) {
            assertEquals(4, listing.filter(p -> p.toString().endsWith(".png")).count(), "no temporary files left");
        }
    }

    @Test
    void aRunWithoutClientsOrCostsDrawsOnlyWhatItHasDataFor(@TempDir Path dir) throws Exception {
        BenchReport full = FixedRunsAccess.report();
        BenchReport fanOutOnly = new BenchReport(full.environment(), full.model(),
                full.scenarios().stream().filter(s -> s.scenario().kind() == iobench.scenario.ScenarioKind.FAN_OUT).toList(),
                List.of(), null, List.of(), List.of(), List.of(), List.of(), iobench.scenario.Warmup.AUTO, List.of());

        List<Chart> charts = ChartWriter.write(fanOutOnly, dir);

        assertEquals(List.of("fanout-duration.png"), charts.stream().map(Chart::fileName).toList());
    }

    /**
     * The golden inputs' clients scenarios run at two delays (broken: 20 clients, 0.5 s; clients-100:
     * 100 clients, 0.2 s), and every line of the clients charts joins the two: each must plot a figure
     * the delay does not change (requests served at once, latency in delays), never requests per
     * second or milliseconds, which differ by the delay alone. The model's figures checked by hand
     * (T = 8): a pool serves 20 / ceil(20 / 8) = 6.667 and 100 / 13 = 7.692 at once, its slowest
     * request waits 3 and 13 delays; all at once serves N, in one delay.
     */
    @Test
    void aClientsChartLineJoinsTwoDelaysOnlyInFiguresTheDelayDoesNotChange() {
        BenchReport report = FixedRunsAccess.report();
        ScenarioSummary broken = scenario(report, "broken");
        ScenarioSummary hundred = scenario(report, "clients-100");
        assertEquals(0.5, broken.scenario().delaySeconds());
        assertEquals(0.2, hundred.scenario().delaySeconds());

        Map<String, double[]> served = lines(ChartWriter.servedAtOnce(report));
        Map<String, double[]> latency = lines(ChartWriter.latencyInDelays(report));

        Set<String> servers = new LinkedHashSet<>();
        for (ServerStats st : broken.servers()) {
            String name = st.server().label();
            ServerStats other = stats(hundred, name);
            servers.add(name);
            assertArrayEquals(new double[] {st.throughputRps().median() * 0.5, other.throughputRps().median() * 0.2},
                    served.get(name), 1e-9, name);
            assertArrayEquals(new double[] {st.p50Ms().median() / 500, other.p50Ms().median() / 200},
                    latency.get(name + " p50"), 1e-9, name);
            assertArrayEquals(new double[] {st.p99Ms().median() / 500, other.p99Ms().median() / 200},
                    latency.get(name + " p99"), 1e-9, name);
        }
        assertEquals(Set.of("sync", "async"), servers);
        // clients-100 by hand: sync 100 requests in 2.62 s at 0.2 s each serve 7.63 at once, async in 0.215 s 93.0;
        // p50 sync 1400 ms = 7 delays, async 207 ms = 1.035.
        assertEquals(100 / 2.62 * 0.2, served.get("sync")[1], 1e-9);
        assertEquals(100 / 0.215 * 0.2, served.get("async")[1], 1e-9);
        assertEquals(7.0, latency.get("sync p50")[1], 1e-9);
        assertEquals(1.035, latency.get("async p50")[1], 1e-9);

        assertArrayEquals(new double[] {20.0 / 3, 100.0 / 13}, served.get("sync model (8 threads)"), 1e-9);
        assertArrayEquals(new double[] {20, 100}, served.get("model of all at once (N)"), 1e-9);
        assertArrayEquals(new double[] {3, 13}, latency.get("sync model (8 threads)"), 1e-9);
        assertArrayEquals(new double[] {1, 1}, latency.get("model of all at once (one delay)"), 1e-9);
        // No other line: one added later is checked here first.
        assertEquals(Set.of("sync", "async", "sync model (8 threads)", "model of all at once (N)"), served.keySet());
        assertEquals(Set.of("sync p50", "async p50", "sync p99", "async p99", "sync model (8 threads)",
                "model of all at once (one delay)"), latency.keySet());
    }

    /** Each line's y at 20 and at 100 clients, after checking that it joins exactly those two points. */
    private static Map<String, double[]> lines(XYChart chart) {
        assertNotNull(chart);
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            assertArrayEquals(new double[] {20, 100}, series.getXData(), 0, series.getName() + ": x");
            lines.put(series.getName(), series.getYData());
        }
        return lines;
    }

    private static ScenarioSummary scenario(BenchReport report, String name) {
        return report.scenarios().stream().filter(s -> s.scenario().name().equals(name)).findFirst().orElseThrow();
    }

    private static ServerStats stats(ScenarioSummary s, String server) {
        return s.servers().stream().filter(st -> st.server().label().equals(server)).findFirst().orElseThrow();
    }

    /**
     * pom.xml leaves out what XChart brings for its PDF, SVG, EPS and GIF encoders; the tests above
     * draw every chart without them. If an exclusion goes, this says so.
     */
    @Test
    void theChartsAreDrawnWithoutThePdfAndVectorLibraries() {
        for (String absent : List.of("org.apache.pdfbox.pdmodel.PDDocument", "org.apache.fontbox.ttf.TrueTypeFont",
                "de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D", "de.erichseifert.vectorgraphics2d.VectorGraphics2D",
                "com.madgag.gif.fmsware.AnimatedGifEncoder")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " is on the class path");
        }
    }

    static {
        // Charts are drawn off-screen, as Main arranges for the real command.
        System.setProperty("java.awt.headless", "true");
    }
}
