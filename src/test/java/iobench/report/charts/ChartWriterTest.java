package iobench.report.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.analysis.BenchReport;
import iobench.report.FixedRunsAccess;
import iobench.report.MarkdownReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
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
