package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/container-health.sh, the image's and compose's health check (bash and /dev/tcp, no JVM),
 * against a real sim on a free port: the same exit codes as {@code iobench healthcheck}.
 */
class ContainerHealthScriptTest {
    static final Path SCRIPT = Path.of("scripts", "container-health.sh");

    @TempDir
    Path dir;

    record Run(int exitCode, String output) {
    }

    private Run check(Path portFile) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("IOBENCH_HEALTH_FILE", portFile.toString());
        builder.environment().put("IOBENCH_HEALTH_TIMEOUT_S", "2");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not end");
        return new Run(process.exitValue(), output);
    }

    @Test
    void aServerThatAnswers200IsHealthyAndOneThatStoppedIsNot() throws Exception {
        Path portFile = dir.resolve("iobench.port");
        RunningServer sim = SimServer.start(TestSettings.defaults(), 0);
        try {
            Files.writeString(portFile, sim.port() + "\n");
            Run healthy = check(portFile);
            assertEquals(0, healthy.exitCode(), healthy.output());
            assertTrue(healthy.output().contains("answered 200"), healthy.output());
        } finally {
            sim.close();
        }
        Run stopped = check(portFile);
        assertEquals(1, stopped.exitCode(), stopped.output());
    }

    @Test
    void aServerThatNeverAnswersIsUnhealthyAfterTheTimeout() throws Exception {
        // Accepts the connection (the backlog does) but never reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path portFile = Files.writeString(dir.resolve("silent.port"), silent.getLocalPort() + "\n");
            long startNs = System.nanoTime();
            Run run = check(portFile);
            assertEquals(1, run.exitCode(), run.output());
            assertTrue(run.output().contains("did not answer"), run.output());
            assertTrue(System.nanoTime() - startNs >= TimeUnit.SECONDS.toNanos(2), "gave up before the timeout");
        }
    }

    @Test
    void noPortFileMeansNoServerToCheck() throws Exception {
        Run run = check(dir.resolve("absent.port"));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("no server to check"), run.output());
    }

    @Test
    void aPortFileWithoutAPortIsInvalidInput() throws Exception {
        Run run = check(Files.writeString(dir.resolve("bad.port"), "eighty\n"));

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("holds no port number: 'eighty'"), run.output());
    }
}
