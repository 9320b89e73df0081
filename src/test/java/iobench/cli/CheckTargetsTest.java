package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import iobench.testing.PoolService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** check's named targets: /health (or its absence) and how many requests a target serves at once. */
class CheckTargetsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTargetServingFourAtOnceIsReportedSoAndItsMissingHealthIsNoFailure() throws Exception {
        HttpServer four = PoolService.start(4);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute("check",
                    "--target", "four=http://127.0.0.1:" + four.getAddress().getPort() + "/work?s={delay}",
                    "--target-burst", "12", "--max-parked", "5");
            String text = out.toString();
            assertEquals(0, exit, text + err);
            assertTrue(text.contains("health: no /health (HTTP 404); 12 of 12 answered in "), text);
            // 12 requests through 4 slots: 3 waves of 0.5 s
            assertTrue(text.contains("about 4 at once (no model)"), text);
        } finally {
            four.stop(0);
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
}
