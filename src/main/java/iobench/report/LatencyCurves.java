package iobench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Latency percentile curves from a report directory's {@code hlog/} files, drawn as HdrHistogram's
 * plotter draws them: latency against 1/(1-p) on a log axis (1 is the median's left end, 10 is
 * p90, 100 p99, ...). The repetitions of a scenario and server are merged into one histogram. All
 * servers of a scenario share one grid of points, ten per decade; each curve goes as far as its
 * own histogram can resolve, 1/(1-p) = its number of values, where it ends with its maximum.
 * Fan-out scenarios hold one request per repetition, too few for a curve, and rate scenarios are
 * drawn by offered rate instead: both are left out, with the reason.
 */
final class LatencyCurves {
    /** Fewer values than this make no curve. */
    static final int MIN_VALUES = 20;
    private static final int POINTS_PER_DECADE = 10;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LatencyCurves() {
    }

    /**
     * The curves drawn and the scenarios left out.
     *
     * @param curves  each {"scenario", "kind", "x": [1/(1-p)...], "series": [{"server", "count", "y_ms"}]}, the
     *                pages' data
     * @param leftOut a sentence for each scenario without a curve, naming it and why
     */
    record Curves(ArrayNode curves, List<String> leftOut) {
    }

    /** The curves of the scenarios of {@code summary}. */
    static Curves of(Summary summary, Path reportDir) {
        ArrayNode curves = NODES.arrayNode();
        List<String> leftOut = new ArrayList<>();
        Curves out = new Curves(curves, leftOut);
        if (reportDir == null) {
            return out;
        }
        Path dir = reportDir.resolve(HlogFiles.DIR);
        for (SummaryScenario s : summary.scenarios()) {
            String name = s.name();
            String kind = s.kind();
            Map<String, Histogram> merged = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (SummaryScenario.Server st : s.servers()) {
                String server = st.server();
                Path file = dir.resolve(HlogFiles.fileName(name, server));
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    merged.put(server, read(file));
                } catch (IOException | RuntimeException e) {
                    problems.add(server + ": " + file.getFileName() + " could not be read (" + e.getMessage() + ")");
                }
            }
            if (merged.isEmpty() && problems.isEmpty()) {
                continue;
            }
            if (kind.equals("rate")) {
                leftOut.add(name + ": a rate scenario; its latency is drawn against the offered rate");
                continue;
            }
            long most = merged.values().stream().mapToLong(Histogram::getTotalCount).max().orElse(0);
            if (most < MIN_VALUES) {
                leftOut.add(name + ": " + most + " latenc" + (most == 1 ? "y" : "ies") + " per server"
                        + (kind.equals("fan-out") ? " (one request per repetition)" : "") + ", too few for a curve");
                continue;
            }
            problems.forEach(p -> leftOut.add(name + ", " + p));
            curves.add(curve(name, kind, merged));
        }
        return out;
    }

    private static Histogram read(Path file) throws IOException {
        Histogram all = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h instanceof Histogram histogram) {
                    all.add(histogram);
                }
            }
        }
        return all;
    }

    private static ObjectNode curve(String scenario, String kind, Map<String, Histogram> merged) {
        TreeSet<Double> grid = new TreeSet<>();
        long most = merged.values().stream().mapToLong(Histogram::getTotalCount).max().orElse(1);
        for (int k = 0; Math.pow(10, (double) k / POINTS_PER_DECADE) <= most; k++) {
            grid.add(round(Math.pow(10, (double) k / POINTS_PER_DECADE)));
        }
        merged.values().forEach(h -> grid.add((double) h.getTotalCount()));
        ObjectNode c = NODES.objectNode();
        c.put("scenario", scenario);
        c.put("kind", kind);
        ArrayNode x = c.putArray("x");
        grid.forEach(x::add);
        ArrayNode series = c.putArray("series");
        merged.forEach((server, h) -> {
            ObjectNode o = series.addObject();
            o.put("server", server);
            o.put("count", h.getTotalCount());
            ArrayNode y = o.putArray("y_ms");
            for (double at : grid) {
                long count = h.getTotalCount();
                if (count < MIN_VALUES || at > count) {
                    y.addNull();
                } else if (at == count) {
                    y.add(ms(h.getMaxValue()));
                } else {
                    y.add(ms(h.getValueAtPercentile(100.0 * (1 - 1 / at))));
                }
            }
        });
        return c;
    }

    private static double ms(long micros) {
        return Math.round(micros) / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
