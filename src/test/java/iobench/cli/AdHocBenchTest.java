package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.RunningServer;
import iobench.testing.Summaries;
import iobench.sim.SimServer;
import iobench.testing.CliRun;
import iobench.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --url} against a real 0.1 s service (the sim's /slow-io?delay=0.1, the delay written
 * into the URL): a closed model of 10 clients can reach at most 10 / 0.1 s = 100 req/s, an open
 * model of 40 req/s sends 40 a second whatever the service does. Each run has a file run's warm-up
 * (auto, at most 10 s here) and reports; the measured runs are kept to 2 s.
 */
class AdHocBenchTest {
    private static RunningServer sim;
    private static String url;

    @BeforeAll
    static void startTheService() {
        sim = SimServer.start(TestSettings.loopback(), 0);
        url = sim.baseUri() + "/slow-io?delay=0.1";
    }

    @AfterAll
    static void stopTheService() {
        sim.close();
    }

    private static JsonNode onlyServer(Path out) throws Exception {
        JsonNode scenarios = Summaries.read(out).path("scenarios");
        assertEquals(1, scenarios.size(), scenarios.toString());
        JsonNode servers = scenarios.path(0).path("servers");
        assertEquals(1, servers.size(), servers.toString());
        return servers.path(0);
    }

    @Test
    @Timeout(60)
    void tenClientsForTwoSecondsGetAtMostTheServicesHundredPerSecondAndNoModelFigure(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", "--url", url, "--clients", "10", "--duration", "2s", "--name", "slow",
                "--out", out.toString());

        assertEquals(0, run.exitCode(), run.context());
        JsonNode scenario = Summaries.read(out).path("scenarios").path(0);
        assertEquals("clients-10", scenario.path("name").asText(), scenario.toString());
        assertEquals(2.0, scenario.path("duration_s").asDouble(), 1e-9, scenario.toString());
        JsonNode server = onlyServer(out);
        assertEquals("slow", server.path("server").asText());
        assertEquals(0, server.path("failed").asInt(), server.toString());
        double rps = server.path("throughput_rps").path("median").asDouble();
        System.out.printf(java.util.Locale.ROOT, "AdHocBenchTest: --clients 10 --duration 2s: %.1f req/s%n", rps);
        // Physics: 10 clients x 1 / 0.1 s is the ceiling; half of it even on a busy machine.
        assertTrue(rps > 50 && rps <= 101, "throughput " + rps + " req/s; " + server);
        assertTrue(server.path("duration_s").path("median").asDouble() >= 2.0, server.toString());
        // No model and no delay of its own: the report predicts nothing.
        assertTrue(server.path("model_duration_s").isNull(), server.toString());

        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| scenarios | ad-hoc run (--url) |"), md);
        assertTrue(md.contains("| **clients-10** | 0.000 s | 10 | slow | "), md);
        // Warmed as a file run is, before the measured run: the rounds in warmup.csv, the run in results.csv.
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        List<String> warmups = Files.readAllLines(out.resolve("warmup.csv"));
        assertTrue(warmups.size() > 1 && warmups.stream().skip(1).allMatch(l -> l.endsWith(",warmup")), warmups.toString());
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).endsWith(",measured"), csv.toString());
        // Named targets alone: bench starts no sim of its own.
        assertFalse(run.err().contains("IO simulation"), run.context());
    }

    @Test
    @Timeout(60)
    void fortyPerSecondForTwoSecondsAreSentOnTimeAsARateScenario(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("bench", "--url", url, "--rate", "40", "--duration", "2s", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.context());
        JsonNode server = onlyServer(out);
        assertEquals("target", server.path("server").asText(), "the default name");
        assertEquals(0, server.path("failed").asInt(), server.toString());
        double rps = server.path("throughput_rps").path("median").asDouble();
        System.out.printf(java.util.Locale.ROOT, "AdHocBenchTest: --rate 40 --duration 2s: %.1f req/s%n", rps);
        // 80 requests due in 2 s, the last answered 0.1 s after it was sent: just under 40 per second.
        assertTrue(rps > 30 && rps <= 41, "throughput " + rps + " req/s; " + server);
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("### rate-40"), md);
        assertTrue(md.contains("| 40 | target | "), md);
    }
}
