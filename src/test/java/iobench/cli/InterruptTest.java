package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ExitCodes;
import iobench.testing.Eventually;
import iobench.testing.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C during a real bench run, in a real JVM: the load stops, the report of what finished is
 * written and marked INCOMPLETE, the exit code is 130, and all of it within 2 s of the signal
 * whatever is in flight; a second signal quits at once.
 */
class InterruptTest {
    /** A quick scenario that finishes, then one long enough to be interrupted (3 x 10 x 0.5 s). */
    private static final String SCENARIOS = """
            defaults: {repetitions: 1, warmup: 0, servers: [sync]}
            scenarios:
              - {name: quick, kind: fan-out, delay: 0.05, concurrent: 1}
              - {name: long,  kind: fan-out, delay: 0.5,  concurrent: 10, repetitions: 3}
            """;

    /**
     * A fan-out of 30 calls of 10 s after a quick one: one after another on sync and virtual (5
     * minutes), all at once on async (10 s). Without cancelling, any of them holds bench for seconds.
     */
    private static final String LONG_FAN_OUT = """
            defaults: {repetitions: 1, warmup: 0, servers: [%s]}
            scenarios:
              - {name: quick, kind: fan-out, delay: 0.05, concurrent: 1}
              - {name: long,  kind: fan-out, delay: 10,   concurrent: 30, strategy: sequential}
            """;
    /** What the issue asks: from the signal to the end of the process. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(2);
    private static final Pattern SIM_URL = Pattern.compile("iobench sim .* listening on (http://127\\.0\\.0\\.1:\\d+)");

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

    @Test
    void ctrlCWhileASegmentWaitsForItsStartTimeEndsItAt130WithAnEmptyIncompleteSegment(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("report");
        Path scenarios = Files.writeString(dir.resolve("interrupt.yaml"), SCENARIOS);
        bench = startBench(List.of("--scenarios", scenarios.toString(), "--out", out.toString(), "--segment", "1/1",
                "--start-at", "+10m"));
        Console console = Console.of(bench);
        console.await(Pattern.compile("Waiting until .* \\(--start-at \\+10m\\)"));

        long signalNs = System.nanoTime();
        signal(bench, "INT");
        assertTrue(bench.waitFor(15, TimeUnit.SECONDS), "bench ended after Ctrl-C\n" + console);
        double seconds = (System.nanoTime() - signalNs) / 1e9;
        assertEquals(ExitCodes.INTERRUPTED, bench.exitValue(), console.toString());
        assertTrue(seconds < STOPS_WITHIN.toMillis() / 1000.0, "ended " + seconds + " s after SIGINT\n" + console);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("> **INCOMPLETE**: stopped by SIGINT after 0 of 4 runs"), md);
        String segment = Files.readString(out.resolve("segment.json"));
        assertTrue(segment.contains("\"complete\" : false"), segment);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "virtual", "async"})
    void ctrlCDuringALongFanOutEndsBenchWithin2s(String server, @TempDir Path dir) throws Exception {
        stopsWithin2s(dir, server, List.of());
    }

    @Test
    void ctrlCDuringALongFanOutEndsAnIsolatedBenchAndItsChildJvmsWithin2s(@TempDir Path dir) throws Exception {
        stopsWithin2s(dir, "sync", List.of("--isolate"));
    }

    /**
     * Signals once the long fan-out's calls are in flight (the sim has waits open after the progress
     * line named it), then times the signal to the process's end.
     */
    private void stopsWithin2s(Path dir, String server, List<String> options) throws Exception {
        Path out = dir.resolve("report");
        Path scenarios = Files.writeString(dir.resolve("long.yaml"), LONG_FAN_OUT.formatted(server));
        List<String> args = new ArrayList<>(List.of("--scenarios", scenarios.toString(), "--out", out.toString()));
        args.addAll(options);
        bench = startBench(args);
        Console console = Console.of(bench);
        URI sim = URI.create(console.await(SIM_URL).group(1));
        console.await(Pattern.compile("\\[\\d+/\\d+] long"));
        Http http = new Http();
        // After the progress line the quick run's wait is over: an open wait is the long fan-out's.
        Eventually.await(Duration.ofSeconds(30), () -> http.get(sim, "/health").json().path("waits_in_flight").asInt() > 0,
                () -> "the long fan-out's calls reached the sim\n" + console);
        List<ProcessHandle> children = bench.descendants().toList();

        long signalNs = System.nanoTime();
        signal(bench, "INT");
        assertTrue(bench.waitFor(30, TimeUnit.SECONDS), "bench ended after Ctrl-C\n" + console);
        double seconds = (System.nanoTime() - signalNs) / 1e9;
        System.out.printf(Locale.ROOT, "InterruptTest: %s %s ended %.2f s after SIGINT%n", server, options, seconds);

        assertEquals(ExitCodes.INTERRUPTED, bench.exitValue(), console.toString());
        assertTrue(seconds < STOPS_WITHIN.toMillis() / 1000.0, "ended " + seconds + " s after SIGINT\n" + console);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("> **INCOMPLETE**: stopped by SIGINT after 1 of 2 runs"), md);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(2, csv.size(), "the header and the quick run: " + csv);
        assertTrue(csv.get(1).startsWith("quick,fan-out," + server + ",1,"), csv.get(1));
        String last = console.lastLine();
        assertTrue(last.startsWith("INCOMPLETE after ") && last.contains("stopped by SIGINT after 1 of 2 runs")
                && last.contains(out.resolve("report.md").toString()), "the console's last line: " + last);
        assertEquals(List.of(), children.stream().filter(ProcessHandle::isAlive).toList(), "child JVMs left alive");
        if (options.contains("--isolate")) {
            assertEquals(2, children.size(), "the sim and the sync server, each in a JVM of its own: " + children);
        }
    }

    /** Everything a process says (stdout and stderr), line by line, read as it comes. */
    private record Console(List<String> lines, CompletableFuture<Void> ended) {
        static Console of(Process process) {
            Console console = new Console(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        console.lines().add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                console.ended().complete(null);
            });
            return console;
        }

        /** The first line in which {@code pattern} is found, once the process has said it. */
        Matcher await(Pattern pattern) {
            Matcher[] found = new Matcher[1];
            Eventually.await(Duration.ofSeconds(90), () -> {
                for (String line : lines) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        found[0] = m;
                        return true;
                    }
                }
                return ended.isDone();
            }, () -> "a line with " + pattern + "\n" + this);
            assertTrue(found[0] != null, "the process ended without a line with " + pattern + "\n" + this);
            return found[0];
        }

        /** The last line that is not blank, once the process's output has ended. */
        String lastLine() throws Exception {
            ended.get(10, TimeUnit.SECONDS);
            return lines.reversed().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "--- bench's console\n" + String.join("\n", lines);
        }
    }

    private static Process startBench(Path dir, Path out) throws IOException {
        Path scenarios = dir.resolve("interrupt.yaml");
        Files.writeString(scenarios, SCENARIOS);
        return startBench(List.of("--scenarios", scenarios.toString(), "--out", out.toString()));
    }

    private static Process startBench(List<String> benchArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(DEFAULT_SIGINT);
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "iobench.Main", "bench"));
        command.addAll(benchArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * A process started in the background by a shell without job control (a CI runner's script,
     * {@code cmd &}) inherits SIGINT ignored, and so does everything it starts; the JVM then rightly
     * leaves SIGINT alone, as a terminal's Ctrl-C is not meant for it. The first fresh-clone run
     * started that way failed every SIGINT case here. So bench starts with SIGINT at its default
     * (coreutils' {@code env --default-signal}, which execs, keeping the pid), as in a terminal.
     */
    private static final List<String> DEFAULT_SIGINT = defaultSigint();

    private static List<String> defaultSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return List.of("env", "--default-signal=INT");
            }
        } catch (IOException e) {
            // no env: start java directly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
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
