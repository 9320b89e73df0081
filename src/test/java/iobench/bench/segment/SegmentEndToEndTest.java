package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.metrics.RunResult;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.RunningServer;
import iobench.report.CsvReport;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.CliRun;
import iobench.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One machine, loopback: the sim and the sync server started once, then one generator at 200
 * req/s and, against the same servers, three real {@code bench --segment I/3 --start-at T} runs (T 3 s ahead)
 * in three threads, merged by {@code iobench merge}. The merged run must hold exactly the one
 * generator's requests, and its percentiles must be near the one generator's (generous bounds:
 * the machine is shared).
 */
class SegmentEndToEndTest {
    private static final String SCENARIOS = """
            defaults: {repetitions: 1, warmup: 1, servers: [sync]}
            scenarios:
              - {name: steady, kind: rate, delay: 0.01, rate: 200, duration: 2s}
              - {name: crowd, kind: clients, delay: 0.01, clients: 10, requests: 40}
              - {name: fan, kind: fan-out, delay: 0.01, concurrent: 3, thresholds: {error-rate-max: 0.01}}
            """;

    @Test
    @Timeout(60)
    void threeSegmentsMergedHoldExactlyTheOneGeneratorsRequestsAndItsPercentiles(@TempDir Path dir) throws Exception {
        Path scenarios = Files.writeString(dir.resolve("s.yaml"), SCENARIOS, StandardCharsets.UTF_8);
        ServerSettings defaults = TestSettings.defaults();
        try (RunningServer sim = SimServer.start(defaults, 0);
             RunningServer sync = SyncServer.startPlatform(SettingsLoader.load(null, Map.of(),
                     Map.of("sim-url", sim.baseUri().toString())), 0)) {
            String[] urls = {"--scenarios", scenarios.toString(), "--sim-url", sim.baseUri().toString(),
                "--sync-url", sync.baseUri().toString()};
            Path one = dir.resolve("one");
            CliRun single = CliRun.of(concat(new String[] {"bench", "--segment", "1/1", "--out", one.toString()}, urls));
            assertEquals(0, single.exitCode(), single.context());

            // An instant: in a JVM younger than a few seconds "+3s" would count from its start (StartAt).
            String startAt = java.time.Instant.now().plusSeconds(3).toString();
            List<Path> segments = new ArrayList<>();
            List<Future<CliRun>> running = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                for (int i = 1; i <= 3; i++) {
                    Path out = dir.resolve("seg" + i);
                    segments.add(out);
                    String[] args = concat(new String[] {"bench", "--segment", i + "/3", "--start-at", startAt,
                        "--out", out.toString()}, urls);
                    running.add(threads.submit(() -> CliRun.of(args)));
                }
                for (Future<CliRun> f : running) {
                    CliRun r = f.get();
                    assertEquals(0, r.exitCode(), r.context());
                }
            } finally {
                threads.shutdownNow();
            }
            assertTrue(running.get(1).get().err().contains("segment 2/3: nothing to send in scenario 'fan'"),
                    running.get(1).get().context());
            // Segment 2's idle share of 'fan' (0 of 0 successful) breaks its threshold by itself; it still exits 0.
            assertTrue(running.get(1).get().err().contains("segment 2/3 completed; its own share is not judged"),
                    running.get(1).get().context());

            for (Path segment : segments) {
                // segment.json is the marker merge waits for: written last, after the report, and whole.
                assertTrue(Files.getLastModifiedTime(segment.resolve("segment.json")).compareTo(
                        Files.getLastModifiedTime(segment.resolve("report.md"))) >= 0, segment.toString());
                try (var files = Files.list(segment)) {
                    assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
                }
            }

            Path merged = dir.resolve("merged");
            CliRun merge = CliRun.of("merge", "--out", merged.toString(), segments.get(2).toString(),
                    segments.get(0).toString(), segments.get(1).toString());
            assertEquals(0, merge.exitCode(), merge.context());
            for (String file : List.of("report.md", "report.html", "results.csv", "warmup.csv", "summary.json",
                    "hlog/steady-sync.hlog")) {
                assertTrue(Files.isRegularFile(merged.resolve(file)), file);
            }
            // Every segment warms each scenario (runs.json holds its rounds): the merged rounds go to warmup.csv.
            assertEquals(warmedScenarios(one), warmedScenarios(merged));
            assertEquals(java.util.Set.of("steady", "crowd", "fan"), warmedScenarios(merged));
            // Both summaries as written follow docs/summary.schema.json; the merge's has its segments.
            assertEquals(List.of(), iobench.testing.SummarySchema.errorsOf(one));
            assertEquals(List.of(), iobench.testing.SummarySchema.errorsOf(merged));
            assertTrue(Files.readString(merged.resolve("summary.json")).contains("\"segments\" : {"));
            String md = Files.readString(merged.resolve("report.md"), StandardCharsets.UTF_8);
            assertTrue(md.contains("## Segments"), md);
            assertTrue(md.contains("| 3/3 | "), md);

            Map<String, Map<String, String>> want = measured(one);
            Map<String, Map<String, String>> got = measured(merged);
            assertEquals(want.keySet(), got.keySet());
            for (String scenario : want.keySet()) {
                for (String column : List.of("requests", "successful", "failed")) {
                    assertEquals(want.get(scenario).get(column), got.get(scenario).get(column),
                            scenario + " " + column + "\none: " + want + "\nmerged: " + got);
                }
            }
            assertEquals("400", got.get("steady").get("requests"), "200 req/s for 2 s");
            assertEquals("200", got.get("steady").get("offered_rps"));
            assertEquals("40", got.get("crowd").get("requests"));
            double p50One = ms(want, "latency_p50_ms");
            double p99One = ms(want, "latency_p99_ms");
            double p50Merged = ms(got, "latency_p50_ms");
            double p99Merged = ms(got, "latency_p99_ms");
            System.out.printf(Locale.ROOT, "SegmentEndToEndTest: 400 requests at 200 req/s, one generator p50 %.2f ms "
                    + "p99 %.2f ms; 3 segments merged p50 %.2f ms p99 %.2f ms%n", p50One, p99One, p50Merged, p99Merged);
            // Physics: every request waits the sim's 10 ms. Then generous bounds, the machine is shared.
            assertTrue(p50Merged >= 10 && p50One >= 10, p50One + " / " + p50Merged);
            // The median moves too when three generator JVMs share 2 busy cores (13 against 41 ms, and 26 against
            // 178 ms, seen with builds beside): a gross gap only (a merge that averaged or lost the histograms).
            assertTrue(p50Merged <= 4 * p50One + 250 && p50One <= 4 * p50Merged + 250, p50One + " / " + p50Merged);
            // p99 of 400 is the fourth-worst request: one scheduling stall on a busy 2-core machine moves it by
            // hundreds of ms (389 ms against 22 ms seen once with builds running beside), so only a gross gap fails.
            assertTrue(p99Merged <= 4 * p99One + 500 && p99One <= 4 * p99Merged + 500, p99One + " / " + p99Merged);

            List<RunResult> shares = RunsJson.read(segments.get(0));
            assertEquals(134, shares.stream().filter(r -> !r.warmup() && r.scenario().equals("steady")).findFirst()
                    .orElseThrow().requests(), "segment 1 owns arrivals 0, 3, 6, ... of 400");
        }
    }

    private static double ms(Map<String, Map<String, String>> rows, String column) {
        return Double.parseDouble(rows.get("steady").get(column));
    }

    /** The scenarios of warmup.csv's rows, each row checked to be a warm-up under the columns of results.csv. */
    private static java.util.Set<String> warmedScenarios(Path reportDir) throws Exception {
        List<String> lines = Files.readAllLines(reportDir.resolve("warmup.csv"));
        assertEquals(CsvReport.COLUMNS, Arrays.asList(lines.get(0).split(",", -1)));
        java.util.Set<String> scenarios = new java.util.HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.endsWith(",warmup"), line);
            scenarios.add(line.substring(0, line.indexOf(',')));
        }
        return scenarios;
    }

    /** The measured rows of results.csv, by scenario (one server, one repetition); it holds no other. */
    private static Map<String, Map<String, String>> measured(Path reportDir) throws Exception {
        List<String> lines = Files.readAllLines(reportDir.resolve("results.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertEquals(CsvReport.COLUMNS, header);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields[i]);
            }
            assertEquals("measured", row.get("phase"), line);
            rows.put(row.get("scenario"), row);
        }
        return rows;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
