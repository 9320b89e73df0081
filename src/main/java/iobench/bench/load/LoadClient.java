package iobench.bench.load;

import iobench.bench.segment.Segment;
import iobench.http.TimedHttpClients;
import iobench.server.fanout.ErrorClassifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The load generator's HTTP client: blocking OkHttp calls, each on its own virtual thread, so
 * that thousands of requests can be in flight at once. OkHttp's dispatcher (5 per host) only
 * limits {@code enqueue()}, which is not used here; the connection pool is sized to keep every
 * connection of a run alive for the next one.
 */
public final class LoadClient implements AutoCloseable {
    /** Requests in flight the generator is built and tested for. */
    public static final int MAX_IN_FLIGHT = 10_000;
    /**
     * How long an idle connection is kept for reuse at most: below the servers' idle timeout (30 s
     * by default), so the generator never reuses one the server has closed. OkHttp does not check a
     * pooled connection before a GET, and retries are off, so a stale one would fail the request
     * ("unexpected end of stream", counted as a reset) after any pause longer than the server's
     * idle timeout, such as a long rate step against another server.
     */
    static final long KEEP_ALIVE_MS = 10_000;

    private final OkHttpClient client;
    private final ExecutorService threads;
    /** Held here because every run, warm-up and probe of a bench sends through this one client. */
    private final RequestIds requestIds;
    /** Set by {@link #cancelAll()}: bench is stopping, and no request may start any more. */
    private volatile boolean stopping;

    public LoadClient() {
        this(KEEP_ALIVE_MS);
    }

    /** @param keepAliveMs idle connections are dropped after this; keep it below the servers' idle timeout */
    public LoadClient(long keepAliveMs) {
        this(keepAliveMs, Segment.WHOLE);
    }

    /**
     * @param keepAliveMs idle connections are dropped after this; keep it below the servers' idle timeout
     * @param segment     the share of the bench this generator sends: its {@link #nextRequestId} ids
     *                    differ from every other segment's
     */
    public LoadClient(long keepAliveMs, Segment segment) {
        this.requestIds = new RequestIds(segment);
        this.client = TimedHttpClients.builder(new ConnectionPool(MAX_IN_FLIGHT, Math.min(KEEP_ALIVE_MS, keepAliveMs),
                TimeUnit.MILLISECONDS), Duration.ofSeconds(10), () -> stopping, "bench").build();
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("load-", 1).factory());
    }

    /** Where the generator's requests run: one virtual thread each. */
    public ExecutorService threads() {
        return threads;
    }

    /** The {@code {request_id}} of the next request: unique within this client's bench, and across its segments. */
    public long nextRequestId() {
        return requestIds.next();
    }

    /** A blocking GET; never throws for a transport failure, which comes back classified. */
    public HttpResult get(URI uri, Duration timeout) {
        return send(new Request.Builder().url(uri.toString()).get().build(), timeout);
    }

    public HttpResult post(URI uri, Duration timeout) {
        return send(new Request.Builder().url(uri.toString()).post(okhttp3.RequestBody.create(new byte[0])).build(),
                timeout);
    }

    public HttpResult delete(URI uri, Duration timeout) {
        return send(new Request.Builder().url(uri.toString()).delete().build(), timeout);
    }

    private HttpResult send(Request request, Duration timeout) {
        Call call = client.newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long startNs = System.nanoTime();
        try (Response response = call.execute()) {
            String body = response.body().string();
            return new HttpResult(response.code(), body, startNs, System.nanoTime(), null, null);
        } catch (IOException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new HttpResult(0, null, startNs, System.nanoTime(), ErrorClassifier.classify(e), message);
        }
    }

    /**
     * Ctrl-C: ends every request in flight at once and fails every later one. Interrupting the
     * thread that waits is not enough: a blocking socket read on a platform thread ignores
     * interrupts, so a fan-out of 30 x 1 s held bench until its answer came.
     */
    public void cancelAll() {
        stopping = true;
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
