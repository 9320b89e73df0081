package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.testing.Eventually;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar as users run it ({@code java -jar target/iobench.jar}), after the shade plugin left
 * out every library class it found unreachable from iobench's own. A class that a library loads
 * by a name in a string, on a path iobench takes, fails here instead of on a user's machine: the
 * in-process tests run on the full class path and cannot see it. Runs in {@code mvn verify}
 * (failsafe, after package), so in {@code make test}.
 */
class JarIT {
    static final Path JAR = Path.of(System.getProperty("iobench.jar", "target/iobench.jar")).toAbsolutePath();
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    record Run(int exitCode, String output) {
    }

    static Run run(Path workDir, Map<String, String> env, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dio.netty.noUnsafe=true", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", args) + " did not end within " + timeout
                    + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void versionComesFromTheJarsManifest(@TempDir Path dir) throws Exception {
        Run run = run(dir, Map.of(), Duration.ofSeconds(60), "--version");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().matches("(?s)iobench \\d+\\.\\d+\\.\\d+\\R.*"), run.output());
    }

    /**
     * bench with every server in a JVM of its own (--isolate starts serve-sim, serve-sync,
     * serve-async and serve-virtual from this jar), every kind of scenario and every report file,
     * then the commands that read a report back.
     */
    @Test
    @Timeout(240)
    void benchIsolatedWritesEveryReportFileAndReportAndCompareReadItBack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), """
                defaults: {repetitions: 1, warmup: 1, servers: [sync, async, virtual]}
                scenarios:
                  - {name: fan, kind: fan-out, delay: 0.02, concurrent: 5}
                  - {name: clients-10, kind: clients, delay: 0.02, clients: 10}
                  - {name: stairs, kind: rate, delay: 0.02, rate: [20, 40], duration: 1s,
                     servers: [sync, async], slo: {p99: 500ms}}
                """, StandardCharsets.UTF_8);

        Run bench = run(dir, Map.of(), Duration.ofSeconds(200),
                "bench", "--isolate", "--scenarios", "tiny.yaml", "--out", "out");

        assertEquals(0, bench.exitCode(), bench.output());
        Path out = dir.resolve("out");
        for (String file : List.of("report.md", "report.html", "results.csv", "summary.json")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        List<Path> charts;
        try (Stream<Path> files = Files.list(out)) {
            charts = files.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertTrue(charts.size() >= 3, "charts: " + charts);
        for (Path png : charts) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " decodes");
        }

        Run report = run(dir, Map.of(), Duration.ofSeconds(60), "report", "out");
        assertEquals(0, report.exitCode(), report.output());
        Run compare = run(dir, Map.of(), Duration.ofSeconds(60), "compare", "out", "out", "--html", "compare.html");
        assertEquals(0, compare.exitCode(), compare.output());
        assertTrue(compare.output().contains("| "), compare.output());
        assertTrue(Files.size(dir.resolve("compare.html")) > 0);
    }

    @Test
    @Timeout(120)
    void healthcheckAsksTheServeSimThatTheJarStarted(@TempDir Path dir) throws Exception {
        Path portFile = dir.resolve("iobench.port");
        Path log = dir.resolve("sim.log");
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "serve-sim", "--port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("IOBENCH_HEALTH_FILE", portFile.toString());
        Process sim = builder.start();
        try {
            Eventually.await(Duration.ofSeconds(60), () -> Files.exists(portFile) || !sim.isAlive(),
                    () -> "serve-sim wrote no port file");
            assertTrue(Files.exists(portFile), "serve-sim ended without a port file:\n" + Files.readString(log));

            Run health = run(dir, Map.of("IOBENCH_HEALTH_FILE", portFile.toString()), Duration.ofSeconds(60),
                    "healthcheck");

            assertEquals(0, health.exitCode(), health.output());
            assertTrue(health.output().contains("answered 200"), health.output());
        } finally {
            sim.destroy();
            if (!sim.waitFor(20, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
            }
        }
    }
}
