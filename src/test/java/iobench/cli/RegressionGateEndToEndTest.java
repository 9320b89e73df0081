package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.testing.CliRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate end to end: the same bench command twice against a service on 127.0.0.1, which
 * answers the second time twice as slowly, then {@code compare --max-regression 10}.
 *
 * <p>Why it cannot pass by luck nor fail on a busy machine: 4 clients send one request each to a
 * service that sleeps 0.2 s (first run) or 0.4 s (second), 3 repetitions. Sleep is a lower bound,
 * so every repetition of the slow run takes at least 0.4 s and its throughput is at most 10/s;
 * the fast run's ranges overlap it only if one of its repetitions took twice its 0.2 s, for all
 * of duration, throughput and p99 at once. The slow run is 100 % slower, ten times the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegressionGateEndToEndTest {
    private HttpServer service;
    /** How many times the delay asked for the service sleeps: 1, then 2. */
    private final AtomicInteger slowdown = new AtomicInteger(1);
    private Path fast;
    private Path slow;
    private CliRun fastRun;
    private CliRun slowRun;

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void benchTheServiceFastThenTwiceAsSlow(@TempDir Path dir) throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        service.createContext("/work", exchange -> {
            double seconds = Double.parseDouble(exchange.getRequestURI().getQuery().replaceAll(".*s=([0-9.]+).*", "$1"));
            try {
                Thread.sleep((long) (seconds * 1000 * slowdown.get()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        Path scenarios = Files.writeString(dir.resolve("gate.yaml"), """
                targets:
                  - name: svc
                    url: http://127.0.0.1:%d/work?s={delay}
                    model: async
                defaults:
                  repetitions: 3
                  warmup: 0
                  servers: [svc]
                  baseline: svc
                scenarios:
                  - {name: four, kind: clients, delay: 0.2, clients: 4}
                """.formatted(service.getAddress().getPort()));
        fast = dir.resolve("fast");
        slow = dir.resolve("slow");
        fastRun = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", fast.toString());
        slowdown.set(2);
        slowRun = CliRun.of("bench", "--scenarios", scenarios.toString(), "--out", slow.toString());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void bothBenchesRanCleanly() {
        assertEquals(0, fastRun.exitCode(), fastRun.context());
        assertEquals(0, slowRun.exitCode(), slowRun.context());
    }

    @Test
    void aRunTwiceAsSlowFailsTheGateWithExitCode4() {
        CliRun r = CliRun.of("compare", fast.toString(), slow.toString(), "--max-regression", "10");
        assertEquals(4, r.exitCode(), r.context() + "\n--- fast\n" + fastRun.context() + "\n--- slow\n"
                + slowRun.context());
        assertTrue(r.err().contains("iobench: regression beyond the noise: four, svc: "), r.err());
        assertTrue(r.err().contains("(exit 4)"), r.err());
    }

    @Test
    void aRunAgainstItselfPasses() {
        CliRun r = CliRun.of("compare", slow.toString(), slow.toString(), "--max-regression", "10");
        assertEquals(0, r.exitCode(), r.context());
        assertTrue(r.err().contains("(3 figures judged)"), r.err());
    }

    @Test
    void aRunTwiceAsFastIsNoRegression() {
        CliRun r = CliRun.of("compare", slow.toString(), fast.toString(), "--max-regression", "10");
        assertEquals(0, r.exitCode(), r.context());
    }
}
