package iobench.server.async;

import io.helidon.common.http.DataChunk;
import io.helidon.common.http.Http;
import io.helidon.common.reactive.Multi;
import io.helidon.common.reactive.Single;
import io.helidon.webclient.Proxy;
import io.helidon.webclient.WebClient;
import io.helidon.webclient.WebClientRequestBuilder;
import io.helidon.webclient.WebClientResponse;
import io.netty.channel.nio.NioEventLoopGroup;
import iobench.server.fanout.CallOutcome;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon 3's reactive {@link WebClient} on an event loop of its own.
 *
 * <p>Helidon 3.2's {@code NettyClient} runs every {@code WebClient} of the JVM on one static,
 * lazily created {@code NioEventLoopGroup}. Its size and thread names can only be set through the
 * global config ({@code client.event-loop.workers}, {@code client.event-loop.name-prefix}), it is
 * created once per JVM and nothing ever shuts it down. So that the async server's client threads
 * are counted, named {@code async-client-N} and stopped with the server, this class hands the
 * client's own request builder ({@code WebClientRequestBuilderImpl.create(NioEventLoopGroup,
 * WebClientConfiguration, RequestMethod)}, package-private) a group that it owns. That factory is
 * reached by reflection; should a Helidon version lack it, the client falls back to the plain
 * {@code WebClient} and its shared group, and {@link #ownEventLoop()} says so.
 *
 * <p>The group also schedules the per-call timeouts, so no extra timer thread exists. A call
 * that times out is answered at its deadline; its connection stays busy until the late answer
 * comes (or the peer closes it), as Helidon 3's client offers no way to abort it.
 */
final class DownstreamClient implements AutoCloseable {
    static final String THREAD_PREFIX = "async-client-";
    private static final Logger LOGGER = Logger.getLogger(DownstreamClient.class.getName());

    /**
     * Helidon 3.2's client installs its read-timeout handler once per connection, when the
     * connection is opened, with the timeout of the request that opened it; the handler stays for
     * the life of the pooled connection and counts the time it sat idle in the pool. A connection
     * opened for {@code delay=0} (timeout 5 s) would then cut a later {@code delay=10} call after
     * 5 s, and one idle in the pool for longer than its timeout fails the next call at once. So the
     * handler is disabled (0) and each call's deadline is a {@code Single.timeout} instead.
     */
    static final long NO_READ_TIMEOUT = 0;

    private final IdleClosingEventLoopGroup group;
    /** The calls not answered yet, so that {@link #cancelInFlight()} can end each of them. */
    private final Set<PendingCall> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;
    private final int eventLoops;
    private final WebClient webClient;
    /** {@code (NioEventLoopGroup, RequestMethod) -> WebClientRequestBuilder}, or null for the fallback. */
    private final MethodHandle requestOnOwnGroup;

    /**
     * @param idleCloseMs how long a pooled connection may stay idle before the client closes it:
     *                    shorter than the downstream's idle timeout (see {@link IdleClosingEventLoopGroup})
     */
    DownstreamClient(int eventLoops, long idleCloseMs) {
        this.eventLoops = eventLoops;
        this.group = NamedNioTransport.started(
                new IdleClosingEventLoopGroup(eventLoops, new NamedThreadFactory(THREAD_PREFIX, true), idleCloseMs));
        this.webClient = WebClient.builder()
                .followRedirects(false)
                .keepAlive(true)
                .proxy(Proxy.noProxy())
                // No WebClientService found on the class path (tracing, security...) joins the calls.
                .useSystemServiceLoader(false)
                .readTimeout(NO_READ_TIMEOUT, TimeUnit.MILLISECONDS)
                .build();
        this.requestOnOwnGroup = ownGroupFactory(webClient);
    }

    private static MethodHandle ownGroupFactory(WebClient client) {
        try {
            Class<?> configurationType = Class.forName("io.helidon.webclient.WebClientConfiguration");
            Class<?> builderImpl = Class.forName("io.helidon.webclient.WebClientRequestBuilderImpl");
            Method create = builderImpl.getDeclaredMethod("create", NioEventLoopGroup.class, configurationType,
                    Http.RequestMethod.class);
            create.setAccessible(true);
            Field configurationField = client.getClass().getDeclaredField("configuration");
            configurationField.setAccessible(true);
            Object configuration = configurationField.get(client);
            MethodHandle handle = MethodHandles.lookup().unreflect(create);
            // (group, configuration, method) with the configuration bound
            handle = MethodHandles.insertArguments(handle, 1, configuration);
            return handle.asType(MethodType.methodType(WebClientRequestBuilder.class, NioEventLoopGroup.class,
                    Http.RequestMethod.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "cannot give the Helidon WebClient its own event loop (" + e
                    + "); downstream calls run on Helidon's shared client loop (helidon-client-*)");
            return null;
        }
    }

    /** Whether the calls run on this client's own {@code async-client-*} threads. */
    boolean ownEventLoop() {
        return requestOnOwnGroup != null;
    }

    int eventLoops() {
        return eventLoops;
    }

    private WebClientRequestBuilder get() {
        if (requestOnOwnGroup == null) {
            return webClient.get();
        }
        try {
            return (WebClientRequestBuilder) requestOnOwnGroup.invokeExact((NioEventLoopGroup) group, (Http.RequestMethod) Http.Method.GET);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One GET, its answer read to the end so the connection goes back to the pool. The returned
     * {@link Single} always completes with an outcome, never with an error, and at once when
     * {@link #cancelInFlight()} runs, whatever its connection is doing.
     */
    Single<CallOutcome> call(int index, URI uri, Duration timeout) {
        return Single.defer(() -> {
            PendingCall call = new PendingCall(index, System.nanoTime(), new CompletableFuture<>());
            pending.add(call);
            call.outcome().whenComplete((outcome, e) -> pending.remove(call));
            // Added first, checked second: cancelInFlight() sets the flag, then fails what is pending.
            // A loop already stopping (close()) would also refuse the call's timeout with an exception
            // that fails the whole request (a 500).
            if (cancelled || group.isShuttingDown()) {
                call.cancel();
            } else {
                callOnGroup(index, uri, timeout).forSingle(call.outcome()::complete);
            }
            return Single.create(call.outcome());
        });
    }

    /** A call not answered yet: {@link #cancelInFlight()} fails it at once. */
    private record PendingCall(int index, long startNs, CompletableFuture<CallOutcome> outcome) {
        void cancel() {
            outcome.complete(CallOutcome.failure(index, System.nanoTime() - startNs,
                    new IOException("Canceled: the server is stopping")));
        }
    }

    private Single<CallOutcome> callOnGroup(int index, URI uri, Duration timeout) {
        long timeoutMs = Math.max(1, timeout.toMillis());
        long[] start = new long[1];
        return Single.defer(() -> {
                    start[0] = System.nanoTime();
                    return get()
                            .uri(uri)
                            .followRedirects(false)
                            .keepAlive(true)
                            .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                            // See NO_READ_TIMEOUT: the deadline is the timeout() below.
                            .readTimeout(NO_READ_TIMEOUT, TimeUnit.MILLISECONDS)
                            .request();
                })
                .flatMapSingle(response -> drain(response)
                        .map(bytes -> outcome(index, response.status().code(), System.nanoTime() - start[0])))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS, group)
                .onErrorResume(e -> CallOutcome.failure(index, System.nanoTime() - start[0], e));
    }

    private static Single<Long> drain(WebClientResponse response) {
        return Multi.create(response.content())
                .reduce(() -> 0L, (Long total, DataChunk chunk) -> {
                    long size = chunk.remaining();
                    chunk.release();
                    return total + size;
                });
    }

    private static CallOutcome outcome(int index, int status, long durationNs) {
        return status >= 200 && status < 300
                ? CallOutcome.success(index, status, durationNs)
                : CallOutcome.httpStatus(index, status, durationNs);
    }

    /**
     * Fails every call in flight and every later one at once, and starts stopping the event loop
     * without waiting. Closing the loop's channels alone is not enough: a call still connecting
     * when the loop stops never hears back, and its timeout was to run on that same loop.
     * For {@link iobench.http.RunningServer#cancelInFlight()}.
     */
    void cancelInFlight() {
        cancelled = true;
        pending.forEach(PendingCall::cancel);
        group.shutdownGracefully(0, AsyncServer.CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the event loop; true when its threads ended within the time given. */
    boolean close(Duration within) {
        group.shutdownGracefully(0, Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
        return group.terminationFuture().awaitUninterruptibly(within.toMillis());
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
