package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import iobench.cli.Cli;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example (examples/python/run.sh: Flask on Gunicorn, Quart on Hypercorn) started for
 * real beside our sim, and benched with our virtual server as named targets from one scenario file.
 * scripts/test-deps.sh installs Debian's packages (make test and .ci/run call it); their absence fails the test on every machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonTargetsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path RUN_SH = Path.of("examples/python/run.sh");

    private RunningServer sim;
    private Map<String, String> env;
    private int exitCode;
    private String context;
    private List<String> csv;
    private String markdown;

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void startAndBench(@TempDir Path dir) throws Exception {
        requirePythonPackages();
        sim = SimServer.start(TestSettings.defaults(), 0);
        // Both held open while picked, so the OS cannot hand out the same port twice.
        int flaskPort;
        int quartPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            flaskPort = a.getLocalPort();
            quartPort = b.getLocalPort();
        }
        env = Map.of("IOBENCH_PY_SIM_URL", sim.baseUri().toString().replaceAll("/$", ""),
                "IOBENCH_PY_HOST", "127.0.0.1",
                "IOBENCH_PY_FLASK_PORT", Integer.toString(flaskPort),
                "IOBENCH_PY_QUART_PORT", Integer.toString(quartPort),
                "IOBENCH_PY_WORKERS", "2",
                "IOBENCH_PY_RUN_DIR", dir.resolve("py").toString());
        String started = runSh("start");
        String yaml = """
                targets:
                  - name: flask
                    url: http://127.0.0.1:%d/benchmark/io-test?delay={delay}&concurrent={concurrent}&strategy={strategy}
                    model: pool
                    threads: 4
                  - name: quart
                    url: http://127.0.0.1:%d/benchmark/quart-io-test?delay={delay}&concurrent={concurrent}
                    model: async
                defaults:
                  repetitions: 1
                  warmup: 1
                  servers: [flask, quart, virtual]
                scenarios:
                  - {name: fan, kind: fan-out, delay: 0.1, concurrent: 4}
                  - {name: clients-8, kind: clients, delay: 0.1, clients: 8}
                  # Flask and Quart sit idle through this, longer than Gunicorn's keep-alive (2 s, its default
                  # as run.sh starts it), so the next scenario meets connections Gunicorn has closed.
                  - {name: pause, kind: fan-out, delay: 2.5, concurrent: 1, servers: [virtual]}
                  - {name: after-pause, kind: clients, delay: 0.1, clients: 8}
                """.formatted(flaskPort, quartPort);
        Path scenarios = Files.writeString(dir.resolve("py.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        exitCode = Cli.create(new PrintWriter(outText, true), new PrintWriter(errText, true)).execute("bench",
                "--scenarios", scenarios.toString(), "--sim-url", sim.baseUri().toString(), "--out", out.toString());
        context = "exit " + exitCode + "\n--- run.sh\n" + started + "\n--- stderr\n" + errText;
        csv = Files.exists(out.resolve("results.csv")) ? Files.readAllLines(out.resolve("results.csv")) : List.of();
        markdown = Files.exists(out.resolve("report.md")) ? Files.readString(out.resolve("report.md")) : "";
    }

    @AfterAll
    void stop() throws Exception {
        if (env != null) {
            runSh("stop");
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static void requirePythonPackages() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
                "import flask, gunicorn, quart, hypercorn, aiohttp, requests").redirectErrorStream(true).start()
                .waitFor() == 0;
        if (!present) {
            // Fails, never skips: a run without the packages is not the suite (make test installs them first).
            fail(PYTHON + " cannot import flask, gunicorn, quart, hypercorn, aiohttp and requests: "
                    + "apt-get install python3-flask gunicorn python3-quart python3-hypercorn python3-aiohttp "
                    + "python3-requests (scripts/test-deps.sh does, as make test and .ci/run run it)");
        }
    }

    private String runSh(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(RUN_SH.toString(), command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("run.sh " + command + " failed:\n" + output);
        }
        return output;
    }

    private List<String[]> measured(String scenario, String server) {
        return csv.stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f[0].equals(scenario) && f[2].equals(server) && !f[3].equals("0")).toList();
    }

    @Test
    void flaskQuartAndVirtualAreBenchedInOneReport() {
        assertEquals(0, exitCode, context);
        for (String server : List.of("flask", "quart", "virtual")) {
            assertEquals(1, measured("fan", server).size(), context);
            assertEquals(1, measured("clients-8", server).size(), context);
        }
        assertTrue(markdown.contains("| flask model | pool of 4 threads |"), markdown);
        assertTrue(markdown.contains("| quart model | async (one wave) |"), markdown);
    }

    @Test
    void gunicornAtItsDefaultKeepAliveClosesIdleConnectionsAndEveryRequestStillSucceedsWithTheStaleRetriesCounted() {
        assertEquals(0, exitCode, context);
        List<String> columns = List.of(csv.get(0).split(","));
        int failed = columns.indexOf("failed");
        int stale = columns.indexOf("stale_retries");
        int staleFlask = 0;
        for (String[] row : csv.stream().skip(1).map(l -> l.split(",", -1)).toList()) {
            assertEquals("0", row[failed], "a failed row: " + String.join(",", row) + "\n" + context);
            staleFlask += row[2].equals("flask") ? Integer.parseInt(row[stale]) : 0;
        }
        // Gunicorn closed flask's 8 pooled connections during the pause; the first requests after it met them.
        assertTrue(staleFlask > 0, String.join("\n", csv));
    }

    @Test
    void quartsOriginalPathRefusesTheWarmupDelaySoItIsWarmedAtTheScenariosAndTheReportSaysSo() {
        // /benchmark/quart-io-test takes 0.1 to 10 s (400 below); Flask's /benchmark/io-test takes any delay.
        assertTrue(markdown.contains("quart refused the 10 ms warm-up delay (HTTP 400): warmed at the scenario's "
                + "delay, 100 ms"), markdown);
        assertTrue(!markdown.contains("flask refused"), markdown);
        assertTrue(!markdown.contains("**not warmed**"), markdown);
    }

    @Test
    void theirAnswersCarryTimingAndResultsSoTheyAreUsedAndNoClientOnlyNoteIsWritten() {
        String header = csv.isEmpty() ? "" : csv.get(0);
        int column = List.of(header.split(",")).indexOf("server_duration_s");
        for (String server : List.of("flask", "quart")) {
            String[] row = measured("fan", server).get(0);
            assertTrue(!row[column].isEmpty() && Double.parseDouble(row[column]) >= 0.1, context);
        }
        assertTrue(!markdown.contains("carry no timing.total_duration"), markdown);
        // Flask calls one after another (4 x 0.1 s, at least 0.4 s by physics); Quart all at once, so
        // faster than that however busy the machine (no wall-clock ceiling of its own).
        int duration = List.of(header.split(",")).indexOf("duration_s");
        double flaskS = Double.parseDouble(measured("fan", "flask").get(0)[duration]);
        assertTrue(flaskS >= 0.4, context);
        assertTrue(Double.parseDouble(measured("fan", "quart").get(0)[duration]) < flaskS, context);
    }
}
