package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import iobench.cli.Cli;
import iobench.core.ServerRole;
import iobench.http.ServerStartException;
import iobench.testing.Eventually;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --isolate}: every server in a child JVM of its own ({@link ChildServers}). The
 * children answer for their role, their CPU time is read from {@code /proc}, and none outlives
 * bench: not after {@code close()}, not after a failed start, not after its parent died.
 *
 * <p>Children are found by their command line: {@code --exit-with-parent <this JVM's pid>}.
 */
class IsolateTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);
    private static final Pattern OWN_PID = Pattern.compile("\\[own JVM, pid (\\d+)]");
    private static final String PARENT_OPTION = "--exit-with-parent";

    /** After each test: no child of this JVM may be alive (and any found is killed, so it cannot leak). */
    @AfterEach
    void noChildIsLeftBehind() {
        List<ProcessHandle> left = childrenOf(ProcessHandle.current().pid());
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left.stream().map(IsolateTest::describe).toList(), "child JVMs left alive");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void childServersAnswerForTheirRoleAndAreGoneAfterClose() {
        List<Long> pids;
        Map<String, String> roles = new TreeMap<>();
        long startNs = System.nanoTime();
        try (ChildServers servers = new ChildServers(TestSettings.defaults(), null, null,
                EnumSet.of(ServerRole.SYNC, ServerRole.ASYNC, ServerRole.VIRTUAL))) {
            System.out.printf(Locale.ROOT, "IsolateTest: 4 child JVMs started in %.1f s%n",
                    (System.nanoTime() - startNs) / 1e9);
            pids = pidsOf(servers.descriptions());
            assertEquals(4, pids.size(), () -> "children: " + servers.descriptions());
            assertEquals(4, Set.copyOf(pids).size(), "distinct pids: " + pids);
            for (long pid : pids) {
                assertTrue(alive(pid), "child " + pid + " is not alive");
                assertTrue(pid != ProcessHandle.current().pid(), "a child is this JVM");
            }
            assertEquals(Set.copyOf(pids), childrenOf(ProcessHandle.current().pid()).stream()
                    .map(ProcessHandle::pid).collect(Collectors.toSet()), "the children found by their command line");

            Http http = new Http();
            Targets targets = servers.targets();
            roles.put("sim", http.get(targets.simUrl(), "/health").json().path("role").asText());
            targets.servers().forEach((role, uri) -> roles.put(role.label(),
                    http.get(uri, "/health").json().path("role").asText()));
            for (String line : servers.descriptions()) {
                assertTrue(line.contains("own JVM, pid "), line);
            }
        }
        assertEquals(Map.of("sim", "sim", "sync", "sync", "async", "async", "virtual", "virtual"), roles);
        Eventually.await(GONE_WITHIN, () -> pids.stream().noneMatch(IsolateTest::alive),
                () -> "children still alive after close(): " + pids.stream().filter(IsolateTest::alive).toList());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anIsolatedBenchMeasuresEachServersCpuAndLeavesNoChild(@TempDir Path dir) throws Exception {
        Path scenarios = Files.writeString(dir.resolve("tiny.yaml"), """
                defaults:
                  repetitions: 2
                  warmup: 2
                  servers: [sync, async, virtual]
                scenarios:
                  - {name: clients-50, kind: clients, delay: 0.05, clients: 50}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        long me = ProcessHandle.current().pid();

        // Every child seen during the run, to check afterwards that each one ended.
        Set<Long> seen = new ConcurrentSkipListSet<>();
        Thread watcher = Thread.ofPlatform().daemon(true).name("isolate-test-watcher").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                childrenOf(me).forEach(p -> seen.add(p.pid()));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        long startNs = System.nanoTime();
        int code;
        try {
            code = Cli.create(new PrintWriter(stdout, true), new PrintWriter(stderr, true))
                    .execute("bench", "--isolate", "--scenarios", scenarios.toString(), "--out", out.toString());
        } finally {
            watcher.interrupt();
            watcher.join(5_000);
        }
        System.out.printf(Locale.ROOT, "IsolateTest: bench --isolate took %.1f s; child JVMs seen: %s%n",
                (System.nanoTime() - startNs) / 1e9, seen);
        String context = "exit " + code + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;

        assertEquals(0, code, context);
        assertTrue(Files.isRegularFile(out.resolve("report.md")), context);
        assertTrue(Files.isRegularFile(out.resolve("results.csv")), context);
        assertTrue(Files.readString(out.resolve("report.md")).contains("isolated: each server in its own JVM"),
                "report.md says how the run was done");
        assertEquals(4, seen.size(), () -> "child JVMs seen during the run (sim, sync, async, virtual): " + seen
                + "\n" + context);

        // cpu_ms_per_call from /proc for each server, and not one figure for all of them.
        Map<String, List<Double>> cpuByServer = new TreeMap<>();
        for (Map<String, String> row : csv(out.resolve("results.csv"))) {
            String what = row.get("server") + " rep " + row.get("repetition") + ": " + row;
            assertEquals("process", row.get("cost_source"), what);
            String cpu = row.get("cpu_ms_per_call");
            assertNotNull(cpu, what);
            assertFalse(cpu.isBlank(), what);
            cpuByServer.computeIfAbsent(row.get("server"), s -> new ArrayList<>()).add(Double.parseDouble(cpu));
        }
        System.out.println("IsolateTest: cpu_ms_per_call by server: " + cpuByServer);
        assertEquals(Set.of("sync", "async", "virtual"), cpuByServer.keySet(), cpuByServer::toString);
        Map<String, Double> mean = new TreeMap<>();
        cpuByServer.forEach((server, values) -> {
            assertEquals(2, values.size(), server + ": one row per repetition " + values);
            mean.put(server, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            assertTrue(mean.get(server) > 0, () -> server + " used no CPU per call: " + values);
            values.forEach(v -> assertTrue(Double.isFinite(v) && v >= 0, server + ": " + values));
        });
        // Not means: with 10 ms ticks over 50 calls the figures step by 0.2 ms, and three means can tie.
        assertTrue(cpuByServer.values().stream().flatMap(List::stream).distinct().count() > 1,
                () -> "one CPU figure for every server and repetition: " + cpuByServer);

        Eventually.await(GONE_WITHIN, () -> seen.stream().noneMatch(IsolateTest::alive),
                () -> "children alive after the run: " + seen.stream().filter(IsolateTest::alive).toList());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildThatCannotStartEndsTheConstructorWithOneLineAndLeavesNoChild(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "bogus-key: 1\n", StandardCharsets.UTF_8);
        long startNs = System.nanoTime();
        ServerStartException e = assertThrows(ServerStartException.class, () -> new ChildServers(
                TestSettings.defaults(), config, null, EnumSet.of(ServerRole.SYNC, ServerRole.ASYNC)).close());
        double seconds = (System.nanoTime() - startNs) / 1e9;
        System.out.printf(Locale.ROOT, "IsolateTest: a failed child start took %.1f s: %s%n", seconds, e.getMessage());
        String message = e.getMessage();
        assertNotNull(message);
        assertEquals(1, message.lines().count(), () -> "more than one line: " + message);
        assertTrue(message.contains("bogus-key"), () -> "the child's reason is missing: " + message);
        assertFalse(message.contains("\tat "), message);
        // The child exited at once: its end, not the 60 s start timeout, ends the wait.
        assertTrue(seconds < 30, "waited " + seconds + " s for a child that had exited");
        Eventually.await(GONE_WITHIN, () -> childrenOf(ProcessHandle.current().pid()).isEmpty(),
                () -> "children alive: " + childrenOf(ProcessHandle.current().pid()).stream()
                        .map(IsolateTest::describe).toList());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildExitsWhenItsParentEnds(@TempDir Path dir) throws Exception {
        // A parent that outlives any JVM start (a fixed lifetime of a few seconds was once too short on
        // a busy 2-core machine); it is ended below, once the sim listens.
        Process parent = new ProcessBuilder("sleep", "120").start();
        Path log = dir.resolve("sim.out");
        Process child = null;
        try {
            child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"), "iobench.Main",
                    "serve-sim", "--port", "0", PARENT_OPTION, Long.toString(parent.pid()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = child;
            Eventually.await(Duration.ofSeconds(20), () -> read(log).contains("listening on") || !started.isAlive(),
                    () -> "the sim did not start: " + read(log));
            assertTrue(child.isAlive(), () -> "the sim ended before its parent: " + read(log));
            assertTrue(parent.isAlive(), "the parent ended before the sim had started; the test proves nothing");

            parent.destroy();
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS), "the parent did not end");
            long parentEndNs = System.nanoTime();
            assertTrue(child.waitFor(GONE_WITHIN.toMillis(), TimeUnit.MILLISECONDS),
                    () -> "the sim still runs " + GONE_WITHIN.toSeconds() + " s after its parent ended: " + read(log));
            System.out.printf(Locale.ROOT, "IsolateTest: the sim exited %.2f s after its parent, exit code %d%n",
                    (System.nanoTime() - parentEndNs) / 1e9, child.exitValue());
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    // ---- helpers

    /**
     * The live processes started with {@code --exit-with-parent <pid>}. Their arguments come from
     * {@code /proc/<pid>/cmdline}: {@code ProcessHandle.Info.arguments()} is empty for these
     * children on Linux (their class path makes the command line too long for it).
     */
    private static List<ProcessHandle> childrenOf(long pid) {
        String parent = Long.toString(pid);
        return ProcessHandle.allProcesses().filter(p -> {
            List<String> args = arguments(p);
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals(PARENT_OPTION) && args.get(i + 1).equals(parent)) {
                    return p.isAlive();
                }
            }
            return false;
        }).toList();
    }

    private static List<String> arguments(ProcessHandle p) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return p.info().arguments().map(Arrays::asList).orElse(List.of());
        }
    }

    /** The pids each child's line of the report gives: {@code ... [own JVM, pid 1234]}. */
    private static List<Long> pidsOf(List<String> descriptions) {
        List<Long> pids = new ArrayList<>();
        for (String line : descriptions) {
            Matcher m = OWN_PID.matcher(line);
            assertTrue(m.find(), line);
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + arguments(p).stream().filter(s -> s.startsWith("serve-")).collect(Collectors.joining());
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < fields.length ? fields[i] : null);
            }
            if (!"warmup".equals(row.get("phase"))) {
                rows.add(row);
            }
        }
        return rows;
    }
}
