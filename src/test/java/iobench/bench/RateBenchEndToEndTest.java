package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.cli.Cli;
import iobench.report.CsvReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate staircase through the CLI: embedded sim, sync (2 threads) and async servers, steps of
 * 20 and 80 per second at 0.05 s. Sync can serve 2 / 0.05 = 40 per second, so at 80 its queue
 * grows for the whole step and its corrected p99 must pass the 300 ms SLO: physics, not tuning.
 */
class RateBenchEndToEndTest {
    @Test
    @Timeout(90)
    void aStaircaseWritesTheCapacitySectionTheChartAndOneCsvRowPerStepServerAndRepetition(@TempDir Path dir)
            throws Exception {
        String yaml = """
                defaults: {repetitions: 2, warmup: 1, servers: [sync, async]}
                scenarios:
                  - {name: stairs, kind: rate, delay: 0.05, rate: [20, 80], duration: 1s,
                     slo: {p99: 300ms, errors: 1%}}
                """;
        Path scenarios = Files.writeString(dir.resolve("rate.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        long startNs = System.nanoTime();
        int exit = Cli.create(new PrintWriter(stdout, true), new PrintWriter(stderr, true)).execute("bench",
                "--scenarios", scenarios.toString(), "--out", out.toString(), "--threads", "2");
        System.out.printf(Locale.ROOT, "RateBenchEndToEndTest: bench took %.1f s%n", (System.nanoTime() - startNs) / 1e9);
        String context = "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        assertEquals(0, exit, context);

        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Capacity at the SLO"), md);
        assertTrue(md.contains("### stairs"), md);
        assertTrue(md.contains("| server | capacity per repetition, req/s | median | vs sync [95 % CI] | |"), md);
        assertTrue(md.contains("| sync | "), md);
        assertTrue(md.contains("| async | "), md);
        assertTrue(md.contains("| 80 | sync | "), md);
        assertTrue(md.contains("![p99 latency against offered rate, with the SLO](p99-vs-rate.png)"), md);
        assertTrue(Files.size(out.resolve("p99-vs-rate.png")) > 1_000);
        assertTrue(stdout.toString().contains("capacity at the SLO: stairs: sync "), context);

        // summary.json carries the capacity too: per server, per repetition, and per step.
        var summary = iobench.testing.Summaries.read(out);
        var capacity = summary.path("capacity").path(0);
        assertEquals("stairs", capacity.path("scenario").asText(), summary.toString());
        assertEquals(List.of("sync", "async"), java.util.stream.StreamSupport
                .stream(capacity.path("servers").spliterator(), false).map(n -> n.path("server").asText()).toList());
        assertEquals(2, capacity.path("servers").path(0).path("capacity_rps_per_repetition").size());
        assertEquals(2 * 2, capacity.path("steps").size(), "two steps for each of two servers");

        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("results.csv")));
        List<String> warmupLines = Files.readAllLines(out.resolve("warmup.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertEquals(CsvReport.COLUMNS, header);
        assertEquals(lines.get(0), warmupLines.get(0), "warmup.csv has the columns of results.csv");
        assertTrue(warmupLines.stream().skip(1).allMatch(l -> l.endsWith(",warmup")), warmupLines.toString());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",measured")), lines.toString());
        lines.addAll(warmupLines.subList(1, warmupLines.size()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields[i]);
            }
            rows.add(row);
        }
        List<Map<String, String>> measured = rows.stream().filter(r -> r.get("phase").equals("measured")).toList();
        assertEquals(2 * 2 * 2, measured.size(), lines.toString());
        assertEquals(2, rows.size() - measured.size(), "one warm-up per server, at the first step: " + lines);
        for (Map<String, String> r : measured) {
            assertEquals("rate", r.get("kind"));
            assertTrue(r.get("offered_rps").equals("20") || r.get("offered_rps").equals("80"), r.toString());
            assertEquals(Integer.parseInt(r.get("offered_rps")), Integer.parseInt(r.get("requests")), r.toString());
            if (r.get("server").equals("sync") && r.get("offered_rps").equals("80")) {
                assertTrue(Double.parseDouble(r.get("latency_p99_ms")) > 300,
                        "2 threads serve 40/s at most; at 80/s the queue grows: " + r);
            }
        }
    }
}
