package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a real bench run, in a real JVM: the load stops, the report of what finished is
 * written and marked INCOMPLETE, the exit code is 130; a second signal quits at once.
 */
class InterruptTest {
    /** A quick scenario that finishes, then one long enough to be interrupted (3 x 10 x 0.5 s). */
    private static final String SCENARIOS = """
            defaults: {repetitions: 1, warmup: 0, servers: [sync]}
            scenarios:
              - {name: quick, kind: fan-out, delay: 0.05, concurrent: 1}
              - {name: long,  kind: fan-out, delay: 0.5,  concurrent: 10, repetitions: 3}
            """;

    private Process bench;

    @AfterEach
    void noBenchLeftBehind() throws InterruptedException {
        if (bench != null && bench.isAlive()) {
            bench.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCWritesTheReportOfWhatFinishedMarkedIncompleteAndExits130(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        bench = startBench(dir, out);
        awaitLine(bench, "long");

        signal(bench, "INT");

        assertTrue(bench.waitFor(15, TimeUnit.SECONDS), "bench ended after Ctrl-C");
        assertEquals(ExitCodes.INTERRUPTED, bench.exitValue());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("> **INCOMPLETE**: stopped by SIGINT after 1 of 4 runs"), md);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(2, csv.size(), "the header and the one run that finished: " + csv);
        assertTrue(csv.get(1).startsWith("quick,fan-out,sync,1,"), csv.get(1));
        try (var listing = Files.list(out)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written file");
        }
    }

    @Test
    void aSecondSignalQuitsAtOnce(@TempDir Path dir) throws Exception {
        bench = startBench(dir, dir.resolve("report"));
        awaitLine(bench, "long");

        long startNs = System.nanoTime();
        signal(bench, "TERM");
        signal(bench, "TERM");

        assertTrue(bench.waitFor(10, TimeUnit.SECONDS), "bench ended");
        assertEquals(ExitCodes.INTERRUPTED, bench.exitValue());
        double seconds = (System.nanoTime() - startNs) / 1e9;
        assertTrue(seconds < 5, "quit in " + seconds + " s, not after the 15 s the run had left");
    }

    private static Process startBench(Path dir, Path out) throws IOException {
        Path scenarios = dir.resolve("interrupt.yaml");
        Files.writeString(scenarios, SCENARIOS);
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "iobench.Main", "bench",
                "--scenarios", scenarios.toString(), "--out", out.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Waits until bench's progress names {@code scenario}: every run before it has finished. */
    private static void awaitLine(Process process, String scenario) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.matches("\\[\\d+/\\d+] " + scenario)) {
                        seen.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            seen.complete(false);
        });
        assertTrue(seen.get(60, TimeUnit.SECONDS), "bench reached scenario " + scenario);
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }
}
