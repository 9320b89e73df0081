package iobench.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A service of another shape than ours, for named-target tests: {@code GET /work?s=SECONDS} sleeps
 * that long and answers "ok" (no JSON, no /health), at most {@code atOnce} at a time, as a pool of
 * that many threads would.
 */
public final class PoolService {
    private PoolService() {
    }

    /** Started on a free port of 127.0.0.1; stop it with {@code stop(0)}. */
    public static HttpServer start(int atOnce) throws IOException {
        return start(atOnce, new ConcurrentLinkedQueue<>());
    }

    /** The same, keeping every query it is sent in {@code queries}. */
    public static HttpServer start(int atOnce, Queue<String> queries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Semaphore slots = new Semaphore(atOnce);
        server.createContext("/work", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            try {
                slots.acquire();
                try {
                    Thread.sleep((long) (Double.parseDouble(query.replaceAll(".*s=([0-9.]+).*", "$1")) * 1000));
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
}
