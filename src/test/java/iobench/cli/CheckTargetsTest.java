package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** check's named targets: /health (or its absence) and how many requests a target serves at once. */
class CheckTargetsTest {

    /** A service without /health that serves {@code atOnce} requests at a time, each sleeping ?s= seconds. */
    private static HttpServer service(int atOnce) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Semaphore slots = new Semaphore(atOnce);
        server.createContext("/work", exchange -> {
            double seconds = Double.parseDouble(exchange.getRequestURI().getQuery().replaceAll(".*s=([0-9.]+).*", "$1"));
            try {
                slots.acquire();
                try {
                    Thread.sleep((long) (seconds * 1000));
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTargetServingFourAtOnceIsReportedSoAndItsMissingHealthIsNoFailure() throws Exception {
        HttpServer four = service(4);
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
