package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iobench.bench.metrics.RunResult;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.CliRun;
import iobench.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift of issue 24, reproduced and held: a fan-out (whose one request per repetition is
 * segment 1's alone) before a clients scenario, warm-up auto, two segments of one bench started
 * together on this machine against one sim and one sync server. Before the segments shared a
 * timeline, segment 2 had nothing to send in the fan-out and went on to the clients scenario at
 * once, while segment 1 first sent 2 x 10 sequential calls of 30 ms (600 ms at least), and each
 * warmed until its own rounds were steady: every clients run began at least 600 ms apart on the
 * two. On one timeline both begin every phase at the same computed instant: the clients runs'
 * start spread must stay under 100 ms (they sleep until an absolute instant; the slots before
 * them have a second and more of margin, and the warm-up boxes of 2 s are four times the model's
 * warm-up round, so a busy machine does not push one segment late).
 */
class SegmentsInStepTest {
    private static final String SCENARIOS = """
            defaults: {repetitions: 2, warmup: auto, warmup-max-time: 2s, servers: [sync]}
            scenarios:
              - {name: fan, kind: fan-out, delay: 30ms, concurrent: 10}
              - {name: crowd, kind: clients, delay: 20ms, clients: 8, requests: 16}
            """;
    private static final long SPREAD_BOUND_MS = 100;

    @Test
    @Timeout(120)
    void twoSegmentsBeginEveryRunTogetherAfterAFanOutOnlyOneOfThemSends(@TempDir Path dir) throws Exception {
        Path scenarios = Files.writeString(dir.resolve("s.yaml"), SCENARIOS, StandardCharsets.UTF_8);
        ServerSettings defaults = TestSettings.defaults();
        try (RunningServer sim = SimServer.start(defaults, 0);
             RunningServer sync = SyncServer.startPlatform(SettingsLoader.load(null, Map.of(),
                     Map.of("sim-url", sim.baseUri().toString())), 0)) {
            // An instant, as on several machines: in one JVM that may be younger than a few seconds, "+3s"
            // would count from its start (StartAt), and two threads on either side of that instant would differ.
            String startAt = Instant.now().plusSeconds(3).toString();
            List<Path> segments = new ArrayList<>();
            List<Future<CliRun>> running = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int i = 1; i <= 2; i++) {
                    Path out = dir.resolve("seg" + i);
                    segments.add(out);
                    List<String> args = List.of("bench", "--segment", i + "/2", "--start-at", startAt, "--out",
                            out.toString(), "--scenarios", scenarios.toString(), "--sim-url", sim.baseUri().toString(),
                            "--sync-url", sync.baseUri().toString());
                    running.add(threads.submit(() -> CliRun.of(args)));
                }
                for (Future<CliRun> f : running) {
                    CliRun r = f.get();
                    assertEquals(0, r.exitCode(), r.context());
                    assertTrue(r.err().contains("every phase in its slot of one timeline for all 2 segments"), r.context());
                }
            } finally {
                threads.shutdownNow();
            }

            // Both computed the same timeline: the same phases in the same slots.
            List<PhaseTiming> one = RunsJson.readPhases(segments.get(0));
            List<PhaseTiming> two = RunsJson.readPhases(segments.get(1));
            assertEquals(6, one.size(), "per scenario a warm-up and 2 runs: " + one);
            assertEquals(slots(one), slots(two));
            // Segment 2 had nothing to send in the fan-out, and still began the clients scenario's
            // warm-up only after segment 1 had sent its fan-out: it waited out the slots instead of running ahead.
            long fanEnd = one.stream().filter(p -> p.scenario().equals("fan")).mapToLong(PhaseTiming::endEpochMs)
                    .max().orElseThrow();
            long crowdStart = two.stream().filter(p -> p.scenario().equals("crowd")).mapToLong(PhaseTiming::startEpochMs)
                    .min().orElseThrow();
            assertTrue(crowdStart >= fanEnd, "segment 2 began 'crowd' at " + crowdStart + ", before segment 1 ended "
                    + "'fan' at " + fanEnd);
            List<RunResult> fanShares = RunsJson.read(segments.get(1)).stream()
                    .filter(r -> !r.warmup() && r.scenario().equals("fan")).toList();
            assertEquals(2, fanShares.size());
            assertTrue(fanShares.stream().allMatch(RunResult::sentNothing), "segment 2 sends nothing in the fan-out");

            Path merged = dir.resolve("merged");
            CliRun merge = CliRun.of("merge", "--out", merged.toString(), segments.get(1).toString(),
                    segments.get(0).toString());
            assertEquals(0, merge.exitCode(), merge.context());
            JsonNode summary = new ObjectMapper().readTree(merged.resolve("summary.json").toFile());
            JsonNode runs = summary.path("segments").path("runs");
            assertEquals(4, runs.size(), runs.toString());
            List<Long> crowdSpreads = new ArrayList<>();
            for (JsonNode run : runs) {
                int sending = run.path("scenario").asText().equals("crowd") ? 2 : 1;
                assertEquals(sending, run.path("segments_sending").asInt(), run.toString());
                if (sending == 2) {
                    crowdSpreads.add(run.path("start_spread_ms").asLong());
                }
            }
            System.out.println("SegmentsInStepTest: start spread of the two segments' clients runs, ms: " + crowdSpreads
                    + "; console of merge: " + merge.err().strip());
            assertEquals(2, crowdSpreads.size());
            assertTrue(crowdSpreads.stream().allMatch(ms -> ms >= 0 && ms < SPREAD_BOUND_MS),
                    "start spreads " + crowdSpreads + " ms\n" + merge.context());

            // Counts exact: every clients run holds its 16 requests, split 8 and 8; the fan-out its 1 request.
            for (JsonNode scenario : summary.path("scenarios")) {
                assertTrue(scenario.path("valid").asBoolean(), scenario.toString());
            }
            List<String> csv = Files.readAllLines(merged.resolve("results.csv"));
            List<String> header = List.of(csv.get(0).split(",", -1));
            int scenario = header.indexOf("scenario");
            int phase = header.indexOf("phase");
            int requests = header.indexOf("requests");
            for (String line : csv.subList(1, csv.size())) {
                String[] f = line.split(",", -1);
                if (f[phase].equals("measured")) {
                    assertEquals(f[scenario].equals("crowd") ? "16" : "1", f[requests], line);
                }
            }
            String md = Files.readString(merged.resolve("report.md"), StandardCharsets.UTF_8);
            assertTrue(md.contains("### Start spread of every run"), md);
            assertTrue(md.contains("runs begun after the earliest segment"), md);
        }
    }

    /** Each phase's label and slot, relative to the first slot: what every segment must compute alike. */
    private static List<String> slots(List<PhaseTiming> phases) {
        long origin = phases.get(0).slotStartEpochMs();
        return phases.stream().map(p -> p.label() + " [" + (p.slotStartEpochMs() - origin) + ", "
                + (p.slotEndEpochMs() - origin) + ")").toList();
    }
}
