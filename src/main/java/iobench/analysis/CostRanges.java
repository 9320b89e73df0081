package iobench.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

/**
 * The range (lowest and highest measured run) of each scenario's and server's CPU and allocation
 * per call, read from results.csv by column name, for the page's cost charts: summary.json holds
 * the figure over all repetitions, results.csv each run's. Warm-up rows are left out. Without a
 * results.csv, or without those columns, there are no ranges.
 */
public final class CostRanges {
    static final List<String> FIGURES = List.of("cpu_ms_per_call", "alloc_kb_per_call");

    private CostRanges() {
    }

    /** [{"scenario", "server", "cpu_ms_per_call": [min, max], "alloc_kb_per_call": [min, max]}] */
    public static ArrayNode of(Path reportDir) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Path file = reportDir == null ? null : reportDir.resolve("results.csv");
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        if (lines.isEmpty()) {
            return out;
        }
        List<String> header = fields(lines.get(0));
        int scenario = header.indexOf("scenario");
        int server = header.indexOf("server");
        int phase = header.indexOf("phase");
        if (scenario < 0 || server < 0) {
            return out;
        }
        Map<String, double[][]> ranges = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            if (f.size() != header.size() || (phase >= 0 && f.get(phase).equals("warmup"))) {
                continue;
            }
            double[][] r = ranges.computeIfAbsent(f.get(scenario) + "\n" + f.get(server), k -> {
                double[][] init = new double[FIGURES.size()][];
                for (int i = 0; i < init.length; i++) {
                    init[i] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                }
                return init;
            });
            for (int i = 0; i < FIGURES.size(); i++) {
                int col = header.indexOf(FIGURES.get(i));
                if (col < 0 || f.get(col).isEmpty()) {
                    continue;
                }
                try {
                    double v = Double.parseDouble(f.get(col));
                    r[i][0] = Math.min(r[i][0], v);
                    r[i][1] = Math.max(r[i][1], v);
                } catch (NumberFormatException notANumber) {
                    // not a figure: no range from this row
                }
            }
        }
        ranges.forEach((key, r) -> {
            String[] k = key.split("\n", 2);
            ObjectNode o = out.addObject();
            o.put("scenario", k[0]);
            o.put("server", k[1]);
            for (int i = 0; i < FIGURES.size(); i++) {
                if (Double.isFinite(r[i][0])) {
                    o.putArray(FIGURES.get(i)).add(r[i][0]).add(r[i][1]);
                } else {
                    o.putNull(FIGURES.get(i));
                }
            }
        });
        return out;
    }

    /** One CSV line's fields (RFC 4180 quoting, as results.csv writes it). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
