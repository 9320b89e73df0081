package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.testing.CliRun;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's {@code http.server} in its default, HTTP/1.0: every answer closes its connection without
 * saying {@code Connection: close}. Benched end to end, not one request may fail.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class Http10TargetTest {
    @Test
    void pythonsHttpServerInItsHttp10DefaultIsBenchedWithoutAFailure(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "python3 is needed: apt-get install python3");
        Files.writeString(dir.resolve("index.json"), "{\"ok\": true}");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(python.toString(), "-m", "http.server", "--bind", "127.0.0.1",
                Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("http.log").toFile()).start();
        try {
            waitForPort(port);
            String yaml = """
                    targets:
                      - {name: plain, url: 'http://127.0.0.1:%d/index.json', model: async}
                    defaults: {repetitions: 2, warmup: 1, servers: [plain]}
                    scenarios:
                      - {name: c, kind: clients, delay: 0.05, clients: 4, requests: 60}
                    """.formatted(port);
            Path scenarios = Files.writeString(dir.resolve("plain.yaml"), yaml);
            Path out = dir.resolve("out");
            CliRun run = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.context());
            List<String> csv = Files.readAllLines(out.resolve("results.csv"));
            List<String> columns = List.of(csv.get(0).split(","));
            for (String line : csv.subList(1, csv.size())) {
                String[] row = line.split(",", -1);
                assertEquals("0", row[columns.indexOf("failed")], line);
                assertEquals("0", row[columns.indexOf("stale_retries")], "a closed connection was reused: " + line);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadlineNs) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("python3 -m http.server did not listen on " + port + " within 30 s");
    }
}
