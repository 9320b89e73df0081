package iobench.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.Executors;

/**
 * A service that accepts only delays of its own range, as the original Python suite's paths do
 * (0.1 to 10 s): {@code GET /range?delay=SECONDS} answers 400 with a JSON error below
 * {@link #MIN_DELAY_S}, else sleeps that long and answers "ok". No /health.
 */
public final class RangedService {
    public static final double MIN_DELAY_S = 0.1;
    public static final String ERROR = "{\"error\": \"delay must be between 0.1 and 10 seconds\"}";

    private RangedService() {
    }

    /** Started on a free port of 127.0.0.1, keeping every query it is sent in {@code queries}; stop it with {@code stop(0)}. */
    public static HttpServer start(Queue<String> queries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/range", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            double delayS = Double.parseDouble(query.replaceAll(".*delay=([0-9.]+).*", "$1"));
            int status = 200;
            String body = "ok";
            if (delayS < MIN_DELAY_S) {
                status = 400;
                body = ERROR;
            } else {
                try {
                    Thread.sleep((long) (delayS * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
