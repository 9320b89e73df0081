package iobench.bench.load;

import iobench.scenario.RateSpec;
import iobench.bench.contender.RequestSpec;
import iobench.bench.contender.RequestValues;
import iobench.bench.contender.Target;
import iobench.core.Strategy;
import iobench.scenario.Segment;
import iobench.http.TimedHttpClients;
import iobench.server.fanout.ErrorClassifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The load generator's HTTP client: blocking OkHttp calls, each on its own virtual thread, so
 * that thousands of requests can be in flight at once. OkHttp's dispatcher (5 per host) only
 * limits {@code enqueue()}, which is not used here; the connection pool is sized to keep every
 * connection of a run alive for the next one.
 */
public final class LoadClient implements AutoCloseable {
    /** Requests in flight the generator is built and tested for. */
    public static final int MAX_IN_FLIGHT = RateSpec.MAX_IN_FLIGHT;
    /**
     * How long an idle connection is kept for reuse at most: below our servers' idle timeout (30 s
     * by default), so the generator rarely meets one they have closed. Other services close sooner
     * (Gunicorn after 2 s, Node 5 s): a request that meets such a connection is sent again once on
     * a new one ({@link ConnectionReuse}), and counted as a stale retry.
     */
    static final long KEEP_ALIVE_MS = 10_000;
    /** OkHttp refuses these methods without a body: an empty one is sent when the target gives none. */
    private static final java.util.Set<String> NEEDS_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    private final OkHttpClient client;
    /** The client as each target's HTTP version and TLS trust need it, sharing its pool and dispatcher. */
    private final ClientVariants variants;
    private final ExecutorService threads;
    /** Held here because every run, warm-up and probe of a bench sends through this one client. */
    private final RequestIds requestIds;
    /** The target of the last request and what it sends; replaced when another target comes. */
    private volatile Prepared prepared;
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
        OkHttpClient.Builder builder = TimedHttpClients.builder(new ConnectionPool(MAX_IN_FLIGHT,
                        Math.min(KEEP_ALIVE_MS, keepAliveMs), TimeUnit.MILLISECONDS), Duration.ofSeconds(10),
                        () -> stopping, "bench")
                .protocols(java.util.List.of(okhttp3.Protocol.HTTP_1_1))
                .socketFactory(new CountingSocketFactory())
                .addNetworkInterceptor(new ConnectionReuse());
        ClientVariants.trustTheJvm(builder);
        this.client = builder.build();
        this.variants = new ClientVariants(client);
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
        return send(new Request.Builder().url(uri.toString()).get().build(), timeout, true, client);
    }

    public HttpResult post(URI uri, Duration timeout) {
        return send(new Request.Builder().url(uri.toString()).post(RequestBody.create(new byte[0])).build(),
                timeout, false, client);
    }

    public HttpResult delete(URI uri, Duration timeout) {
        return send(new Request.Builder().url(uri.toString()).delete().build(), timeout, true, client);
    }

    /**
     * One request to a target, its placeholders filled with {@code values}: its method, headers
     * and body, in the HTTP version it asks for; its own timeout, if it gives one, over
     * {@code timeout}.
     */
    public HttpResult send(Target target, RequestValues values, Duration timeout) {
        Prepared prepared = this.prepared;
        if (prepared == null || prepared.target() != target) {
            prepared = prepare(target);
            this.prepared = prepared;
        }
        RequestSpec spec = target.request();
        return send(prepared.request(values), spec.timeout() != null ? spec.timeout() : timeout, spec.retriesStale(),
                prepared.sender());
    }

    private Prepared prepare(Target target) {
        RequestSpec spec = target.request();
        String id = "request_id";
        boolean perRequest = target.url().placeholders().contains(id) || spec.body() != null && spec.body().uses(id)
                || spec.headers().values().stream().anyMatch(value -> value.uses(id));
        return new Prepared(target, perRequest, variants.of(spec.http(), spec.insecure(), target.url().https()),
                new AtomicReference<>());
    }

    /**
     * A target's client, and its last request while the next may be the same: OkHttp's requests
     * are immutable (a byte-array body is written again as often as asked), and a target without
     * {@code {request_id}} (our own servers', most {@code --url}s) sends the same request for
     * every call of a run, its delay, width and strategy being the run's. Compared by identity,
     * as the last target sent to (runs send to one target at a time): no hashing per request.
     */
    private record Prepared(Target target, boolean perRequest, OkHttpClient sender, AtomicReference<Filled> last) {
        Request request(RequestValues values) {
            if (perRequest) {
                return build(target, values);
            }
            Filled filled = last.get();
            if (filled != null && filled.delayMs() == values.delayMs() && filled.concurrent() == values.concurrent()
                    && filled.strategy() == values.strategy()) {
                return filled.request();
            }
            Request request = build(target, values);
            last.set(new Filled(values.delayMs(), values.concurrent(), values.strategy(), request));
            return request;
        }
    }

    /** A request filled with these values (any request id: the target has none). */
    private record Filled(long delayMs, int concurrent, Strategy strategy, Request request) {
    }

    private static Request build(Target target, RequestValues values) {
        RequestSpec spec = target.request();
        Request.Builder request = new Request.Builder().url(target.url().fillText(values));
        spec.headers().forEach((name, value) -> request.header(name, value.fill(values)));
        RequestBody body = spec.body() == null ? null : RequestBody.create(spec.body().fill(values)
                .getBytes(StandardCharsets.UTF_8), null);
        request.method(spec.method(), body == null && NEEDS_BODY.contains(spec.method())
                ? RequestBody.create(new byte[0]) : body);
        return request.build();
    }

    /**
     * Sends, and once more on a new connection when the first try met a connection the server had
     * closed idle ({@link StaleConnectionException}) and the request may be repeated. The latency
     * runs from the first send, and the retry has what is left of the timeout: a retry adds its
     * time to the figure, never hides it.
     */
    private HttpResult send(Request request, Duration timeout, boolean retryStale, OkHttpClient sender) {
        long startNs = System.nanoTime();
        try {
            return attempt(sender, request, timeout.toNanos(), startNs, 0);
        } catch (StaleConnectionException stale) {
            long leftNs = timeout.toNanos() - (System.nanoTime() - startNs);
            // A request that never went out may go out on a new connection whatever its method.
            if (stale.sent() && !retryStale || leftNs <= 0) {
                return failure(stale, startNs, 0);
            }
            int counted = stale.announced() ? 0 : 1;
            try {
                return attempt(variants.fresh(sender), request, leftNs, startNs, counted);
            } catch (IOException | RuntimeException e) {
                return failure(e, startNs, counted);
            }
        } catch (IOException | RuntimeException e) {
            return failure(e, startNs, 0);
        }
    }

    private static HttpResult attempt(OkHttpClient sender, Request request, long timeoutNs, long startNs,
                                      int staleRetries) throws IOException {
        Call call = sender.newCall(request);
        call.timeout().timeout(timeoutNs, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            String body = response.body().string();
            return new HttpResult(response.code(), body, startNs, System.nanoTime(), null, null, staleRetries);
        }
    }

    private static HttpResult failure(Exception e, long startNs, int staleRetries) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new HttpResult(0, null, startNs, System.nanoTime(), ErrorClassifier.classify(e), message, staleRetries);
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
        variants.close();
    }
}
