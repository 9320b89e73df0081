package iobench.server.sync;

import iobench.config.ServerSettings;
import iobench.http.TimedHttpClients;
import iobench.server.fanout.CallOutcome;
import iobench.server.fanout.Downstream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downstream calls the way plain blocking code makes them: OkHttp's {@code execute()} on the
 * calling thread, one after another ({@code sequential}), or handed to a pool ({@code parallel}).
 */
final class BlockingFanOut implements AutoCloseable {
    private final ServerSettings settings;
    private final OkHttpClient client;
    private final ExecutorService parallelPool;
    private final String requestIdPrefix;
    /** The sim's {@code /slow-io}, built once from the configured URL. */
    private final String slowIoBase;
    /** Set by {@link #cancelInFlight()}: the server is stopping, and no call may start any more. */
    private volatile boolean stopping;

    BlockingFanOut(ServerSettings settings, ExecutorService parallelPool, int idleConnections, String requestIdPrefix) {
        this.settings = settings;
        this.parallelPool = parallelPool;
        this.requestIdPrefix = requestIdPrefix;
        this.slowIoBase = Downstream.slowIoBase(settings.simUrl());
        // A pooled connection must be dropped before the sim's idle timeout closes it: OkHttp
        // reuses a GET connection without checking it, and with retries off a connection the sim
        // closed fails the call ("unexpected end of stream"). With the old 5 minutes, every pause
        // longer than idle-timeout-s (30 s) between runs cost the next calls a reset.
        // Plain HTTP only: the sim URL is http:// (ServerSettings refuses anything else) and no
        // redirect is followed. Without this, building the client loads the JVM's trust store and
        // indexes its certificates, a TLS set-up that is never used (docs/performance.md, section 3).
        this.client = TimedHttpClients.builder(new ConnectionPool(idleConnections, settings.pooledConnectionIdleMs(),
                        TimeUnit.MILLISECONDS), Duration.ofSeconds(5), () -> stopping, "the server")
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .build();
    }

    List<CallOutcome> sequential(long delayMs, int concurrent) {
        List<CallOutcome> calls = new ArrayList<>(concurrent);
        String query = query(delayMs);
        for (int i = 0; i < concurrent; i++) {
            calls.add(call(i, delayMs, query));
        }
        return calls;
    }

    List<CallOutcome> parallel(long delayMs, int concurrent) {
        List<Future<CallOutcome>> futures = new ArrayList<>(concurrent);
        String query = query(delayMs);
        for (int i = 0; i < concurrent; i++) {
            int index = i;
            futures.add(parallelPool.submit(() -> call(index, delayMs, query)));
        }
        List<CallOutcome> calls = new ArrayList<>(concurrent);
        for (int i = 0; i < concurrent; i++) {
            try {
                calls.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                calls.add(CallOutcome.failure(i, 0, e));
            } catch (ExecutionException e) {
                calls.add(CallOutcome.failure(i, 0, e.getCause()));
            }
        }
        return calls;
    }

    /** The query of every call of one fan-out, but for the call's index at its end. */
    private String query(long delayMs) {
        return "?delay=" + Downstream.delayParam(delayMs) + "&request_id=" + requestIdPrefix;
    }

    private CallOutcome call(int index, long delayMs, String query) {
        // Only the configured sim URL and validated numbers: no request parameter can point the call elsewhere.
        Call call = client.newCall(new Request.Builder().url(slowIoBase + query + index).get().build());
        call.timeout().timeout(settings.downstreamTimeout(delayMs).toMillis(), TimeUnit.MILLISECONDS);
        long startNs = System.nanoTime();
        try (Response response = call.execute()) {
            // Read the whole body so the connection goes back to the pool.
            response.body().bytes();
            long durationNs = System.nanoTime() - startNs;
            return response.isSuccessful() ? CallOutcome.success(index, response.code(), durationNs)
                    : CallOutcome.httpStatus(index, response.code(), durationNs);
        } catch (IOException | RuntimeException e) {
            return CallOutcome.failure(index, System.nanoTime() - startNs, e);
        }
    }

    /** The client of the downstream calls, for tests. */
    OkHttpClient client() {
        return client;
    }

    /**
     * Fails every call in flight and every later one at once: a blocking socket read ignores
     * interrupts, so without this a request thread holds on until its calls answer.
     */
    void cancelInFlight() {
        stopping = true;
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        // Calls still running (the server is stopping) fail at once instead of holding their
        // thread until the downstream timeout.
        cancelInFlight();
        parallelPool.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
