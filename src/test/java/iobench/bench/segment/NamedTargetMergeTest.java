package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import iobench.http.RunningServer;
import iobench.testing.Summaries;
import iobench.sim.SimServer;
import iobench.testing.CliRun;
import iobench.testing.PoolService;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named targets through {@code bench --segment} and {@code merge}: one whose URL comes from
 * {@code --target} while the file's {@code targets} entry gives only its model, and one the file
 * defines whole. The merged report must rebuild the plan with both and keep each one's model, as
 * the unsplit bench has it.
 */
class NamedTargetMergeTest {
    private static final String SCENARIOS = """
            targets:
              - name: fourpool
                model: pool
                threads: 4
              - name: quick
                url: http://127.0.0.1:%d/work?s={delay}&n={concurrent}
                model: async
            defaults: {repetitions: 1, warmup: 0, servers: [fourpool, quick]}
            scenarios:
              - {name: crowd, kind: clients, delay: 0.02, clients: 8, requests: 16}
            """;

    private static List<String> modelRows(Path reportDir) throws IOException {
        return Files.readAllLines(reportDir.resolve("report.md")).stream().filter(l -> l.contains(" model | ")).toList();
    }

    private static double modelDurationS(Path reportDir, String server) throws Exception {
        for (JsonNode s : Summaries.read(reportDir).path("scenarios").path(0).path("servers")) {
            if (s.path("server").asText().equals(server)) {
                JsonNode v = s.path("model_duration_s");
                return v.isNumber() ? v.asDouble() : Double.NaN;
            }
        }
        throw new AssertionError("no " + server + " in " + reportDir);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theMergedReportKeepsEveryNamedTargetsModelAsTheUnsplitBenchHasIt(@TempDir Path dir) throws Exception {
        Queue<String> pooled = new ConcurrentLinkedQueue<>();
        HttpServer pool = PoolService.start(4, pooled);
        HttpServer quick = PoolService.start(100, new ConcurrentLinkedQueue<>());
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0)) {
            Path scenarios = Files.writeString(dir.resolve("s.yaml"),
                    SCENARIOS.formatted(quick.getAddress().getPort()), StandardCharsets.UTF_8);
            List<String> common = List.of("--scenarios", scenarios.toString(), "--sim-url", sim.baseUri().toString(),
                    "--target", "fourpool=http://127.0.0.1:" + pool.getAddress().getPort() + "/work?s={delay}&id={request_id}");

            Path one = dir.resolve("one");
            List<String> unsplit = new ArrayList<>(List.of("bench", "--out", one.toString()));
            unsplit.addAll(common);
            CliRun single = CliRun.of(unsplit);
            assertEquals(0, single.exitCode(), single.context());
            // The file's model-only entry and --target's URL made one target: its requests went to that URL.
            assertTrue(pooled.stream().anyMatch(q -> q.matches("s=0\\.020&id=[0-9]+")), pooled::toString);
            List<String> want = modelRows(one);
            assertEquals(List.of("| fourpool model | pool of 4 threads |", "| quick model | async (one wave) |"), want);

            pooled.clear();
            List<Path> segments = List.of(dir.resolve("seg1"), dir.resolve("seg2"));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<CliRun>> running = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    List<String> args = new ArrayList<>(List.of("bench", "--segment", i + "/2", "--start-at", "+3s",
                            "--out", segments.get(i - 1).toString()));
                    args.addAll(common);
                    running.add(threads.submit(() -> CliRun.of(args)));
                }
                for (Future<CliRun> f : running) {
                    CliRun r = f.get();
                    assertEquals(0, r.exitCode(), r.context());
                }
            } finally {
                threads.shutdownNow();
            }
            // Both segments probe, warm and load the same service: still no request id twice.
            List<String> ids = pooled.stream().map(q -> q.replaceAll(".*&id=", "")).toList();
            assertTrue(ids.size() >= 16, pooled::toString);
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), pooled::toString);
            Path merged = dir.resolve("merged");
            CliRun merge = CliRun.of(List.of("merge", "--out", merged.toString(), segments.get(0).toString(),
                    segments.get(1).toString()));
            assertEquals(0, merge.exitCode(), merge.context());
            assertEquals(want, modelRows(merged));
            for (String server : List.of("fourpool", "quick")) {
                // a target without its model has no prediction (NaN), which assertEquals would take as equal
                assertTrue(Double.isFinite(modelDurationS(merged, server)), server);
                assertEquals(modelDurationS(one, server), modelDurationS(merged, server), 1e-9, server);
            }
        } finally {
            pool.stop(0);
            quick.stop(0);
        }
    }
}
