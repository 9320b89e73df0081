package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import iobench.testing.PoolService;
import iobench.testing.TestSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * check's table of contenders: /health (or its absence), how many requests each serves at once, and
 * whether that fits its model. A busy machine only ever makes a burst slower (more waves, fewer held
 * at once), so each assertion allows that and no more.
 */
class CheckTargetsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTargetServingFourAtOnceIsReportedSoAndItsMissingHealthIsNoFailure() throws Exception {
        HttpServer four = PoolService.start(4);
        try {
            String text = check(0, "--target", "four=" + url(four), "--target-burst", "12", "--max-parked", "5");
            assertTrue(text.contains("health: no /health (HTTP 404); 12 of 12 answered in "), text);
            // 12 requests through 4 slots: 3 waves of 0.5 s, about 4 at once. A loaded machine only makes the
            // burst longer (4 waves read 3, 6 read 2); 6 (2 waves) is slack; without the limit it would read 12.
            Matcher m = Pattern.compile("about (\\d+) at once \\(no model\\)").matcher(text);
            assertTrue(m.find(), text);
            int held = Integer.parseInt(m.group(1));
            assertTrue(held >= 2 && held <= 6, "held " + held + " at once:\n" + text);
        } finally {
            four.stop(0);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ourServersGetTheSameBurstAndTheirLinesSayWhetherTheyFitTheirModel() throws Exception {
        String text = check(0, "--target-burst", "12", "--max-parked", "5");
        String answered = " ok; health: %s; 12 of 12 answered in [0-9.]+ s: about \\d+ at once ";
        // sync is a pool of the threads its /health reports; a slow machine may read it below them, never above.
        assertLine(text, "sync", answered.formatted("sync")
                + "\\(pool of \\d+ threads\\): (fits its model|fewer than its \\d+ threads|fewer than the burst)");
        assertLine(text, "async", answered.formatted("async") + "\\(async\\): (fits its model|fewer than the burst)");
        assertLine(text, "virtual", answered.formatted("virtual")
                + "\\(virtual\\): (fits its model|fewer than the burst)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSyncServerGivenByUrlIsJudgedByTheThreadsItsHealthReports() throws Exception {
        // 3 threads, where this JVM's settings say 8: the line must take the server's own count.
        try (RunningServer sim = SimServer.start(TestSettings.loopback(), 0);
             RunningServer sync = SyncServer.startPlatform(TestSettings.calling(sim.baseUri(), Map.of("sync-threads", 3)), 0)) {
            String text = check(0, "--sim-url", sim.baseUri().toString(), "--sync-url", sync.baseUri().toString(),
                    "--target-burst", "6", "--max-parked", "5");
            assertLine(text, "sync", " ok; health: sync; 6 of 6 answered in [0-9.]+ s: about \\d+ at once "
                    + "\\(pool of 3 threads\\): (fits its model|fewer than its 3 threads)");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPoolHoldingClearlyFewerThanItsModelsThreadsIsSaidSoAndStillAnswers(@TempDir Path dir) throws Exception {
        HttpServer one = PoolService.start(1);
        try {
            Path file = dir.resolve("one.yaml");
            Files.writeString(file, """
                    targets:
                      - {name: one, url: "%s", model: pool, threads: 4}
                    defaults: {servers: [one]}
                    scenarios:
                      - {name: c, kind: clients, delay: 0.1, clients: 1}
                    """.formatted(url(one)));
            // 4 requests through 1 slot where the model says 4: 4 waves where it says 1; slower only reads fewer.
            // A misfit is news, not a failure: check still exits 0 when everything answered.
            String text = check(0, "--scenarios", file.toString(), "--target-burst", "4", "--max-parked", "5");
            assertTrue(text.contains("4 of 4 answered"), text);
            assertTrue(text.contains("(pool of 4 threads): fewer than its 4 threads"), text);
        } finally {
            one.stop(0);
        }
    }

    @Test
    void aBadTargetIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("check", "--target", "x=http://127.0.0.1:1/w?d={nope}");
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--target 'x=http://127.0.0.1:1/w?d={nope}': '{nope}'"), err.toString());
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/work?s={delay}";
    }

    private static String check(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        assertEquals(expectedExit, exit, out + "\n" + err);
        return out.toString();
    }

    private static void assertLine(String text, String name, String rest) {
        Pattern line = Pattern.compile("(?m)^  " + Pattern.quote(name) + " +http://127\\.0\\.0\\.1:\\d+/benchmark/io-test\\?"
                + "\\S+" + rest + "$");
        assertTrue(line.matcher(text).find(), name + " line missing or not as expected:\n" + text);
    }
}
