package iobench.server.async;

import io.helidon.common.http.DataChunk;
import io.helidon.common.reactive.Multi;
import io.helidon.webclient.Proxy;
import io.helidon.webclient.WebClient;
import iobench.http.TimedHttpClients;
import iobench.server.fanout.CallOutcome;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not a test: the downstream client comparison of docs/performance.md. One JVM per client (so no
 * client inherits another's JIT or heap), a sim running in another process; {@code inFlight}
 * calls of {@code delayMs} at a time, a warm-up, then the measured calls, and per call this
 * process's CPU time (GC and JIT included) and the bytes its threads allocated.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     iobench.server.async.DownstreamClientComparison CLIENT SIM_URL [warmCalls measuredCalls inFlight delayMs]
 * </pre>
 * CLIENT: async ones {@code netty}, {@code helidon3}, {@code jdk-async}, {@code jetty-async};
 * blocking ones, on {@code inFlight} platform threads, or virtual ones with {@code -virtual}:
 * {@code okhttp}, {@code jdk}, {@code jetty}, {@code netty-join} (the Netty client on one loop of
 * its own, the calling thread waiting for each call) (e.g. {@code okhttp-virtual}).
 */
public final class DownstreamClientComparison {
    private DownstreamClientComparison() {
    }

    /** A client under test: starts call {@code i} and completes when its answer is read. */
    private interface AsyncCaller extends AutoCloseable {
        CompletableFuture<Integer> call(int i);
    }

    /** A blocking client under test: returns the status once its answer is read. */
    private interface BlockingCaller extends AutoCloseable {
        int call(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        URI sim = URI.create(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int inFlight = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        long delayMs = args.length > 5 ? Long.parseLong(args[5]) : 5;
        String delay = iobench.server.fanout.Downstream.delayParam(delayMs);
        IntFunction<String> url = i -> sim + "/slow-io?delay=" + delay + "&request_id=c-" + i;
        boolean virtual = client.endsWith("-virtual");
        String base = virtual ? client.substring(0, client.length() - "-virtual".length()) : client;
        Object caller = switch (base) {
            case "netty" -> netty(sim, delay, 2);
            case "helidon3" -> helidon3(url);
            case "jdk-async" -> jdkAsync(url);
            case "jetty-async" -> jettyAsync(url);
            case "netty-join" -> nettyJoin(sim, delay);
            case "okhttp" -> okhttp(url);
            case "jdk" -> jdkBlocking(url);
            case "jetty" -> jettyBlocking(url);
            default -> throw new IllegalArgumentException("client " + client);
        };
        try (AutoCloseable closing = (AutoCloseable) caller) {
            run(caller, warm, inFlight, virtual);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu0 = os.getProcessCpuTime();
            long alloc0 = threads.getTotalThreadAllocatedBytes();
            long wall0 = System.nanoTime();
            int failed = run(caller, measured, inFlight, virtual);
            long wallNs = System.nanoTime() - wall0;
            long cpuNs = os.getProcessCpuTime() - cpu0;
            long allocBytes = threads.getTotalThreadAllocatedBytes() - alloc0;
            System.out.printf("%-18s calls %d in flight %d delay %d ms: %.1f calls/s, CPU %.1f us/call,"
                            + " allocated %.2f KB/call, failed %d%n", client, measured, inFlight, delayMs,
                    measured / (wallNs / 1e9), cpuNs / 1e3 / measured, allocBytes / 1024.0 / measured, failed);
        }
        System.exit(0);
    }

    /** Runs {@code calls} calls, {@code inFlight} at a time; returns how many failed. */
    private static int run(Object caller, int calls, int inFlight, boolean virtual) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        if (caller instanceof AsyncCaller async) {
            CountDownLatch done = new CountDownLatch(calls);
            for (int k = 0; k < inFlight; k++) {
                startNext(async, next, calls, failed, done);
            }
            done.await();
            return failed.get();
        }
        BlockingCaller blocking = (BlockingCaller) caller;
        try (ExecutorService threads = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(inFlight)) {
            for (int k = 0; k < inFlight; k++) {
                threads.execute(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        try {
                            if (blocking.call(i) != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.MINUTES);
        }
        return failed.get();
    }

    private static void startNext(AsyncCaller caller, AtomicInteger next, int calls, AtomicInteger failed,
                                  CountDownLatch done) {
        int i = next.getAndIncrement();
        if (i >= calls) {
            return;
        }
        caller.call(i).whenComplete((status, e) -> {
            if (e != null || status != 200) {
                failed.incrementAndGet();
            }
            done.countDown();
            startNext(caller, next, calls, failed, done);
        });
    }

    private static AsyncCaller netty(URI sim, String delay, int eventLoops) {
        DownstreamClient client = DownstreamClient.withOwnLoops(sim, eventLoops, 15_000);
        Duration timeout = Duration.ofSeconds(5);
        return new AsyncCaller() {
            @Override
            public CompletableFuture<Integer> call(int i) {
                return client.call(i, client.slowIoTarget(delay, "c-" + i), timeout).thenApply(CallOutcome::status);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The Netty client from a blocking caller: the thread waits for the call its loop makes. */
    private static BlockingCaller nettyJoin(URI sim, String delay) {
        AsyncCaller async = netty(sim, delay, 1);
        return new BlockingCaller() {
            @Override
            public int call(int i) {
                return async.call(i).join();
            }

            @Override
            public void close() throws Exception {
                async.close();
            }
        };
    }

    /** Helidon 3's WebClient as a user gets it: its shared client event loop. */
    private static AsyncCaller helidon3(IntFunction<String> url) {
        WebClient client = WebClient.builder().followRedirects(false).keepAlive(true).proxy(Proxy.noProxy())
                .useSystemServiceLoader(false).build();
        return new AsyncCaller() {
            @Override
            public CompletableFuture<Integer> call(int i) {
                return client.get().uri(url.apply(i)).request()
                        .flatMapSingle(response -> Multi.create(response.content())
                                .reduce(() -> 0L, (Long total, DataChunk chunk) -> {
                                    long size = chunk.remaining();
                                    chunk.release();
                                    return total + size;
                                })
                                .map(bytes -> response.status().code()))
                        .toStage().toCompletableFuture();
            }

            @Override
            public void close() {
            }
        };
    }

    private static AsyncCaller jdkAsync(IntFunction<String> url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new AsyncCaller() {
            @Override
            public CompletableFuture<Integer> call(int i) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i))).timeout(Duration.ofSeconds(5))
                        .build();
                return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static org.eclipse.jetty.client.HttpClient jetty() throws Exception {
        var client = new org.eclipse.jetty.client.HttpClient();
        client.setMaxConnectionsPerDestination(1024);
        client.setFollowRedirects(false);
        client.setConnectTimeout(5_000);
        client.start();
        return client;
    }

    private static AsyncCaller jettyAsync(IntFunction<String> url) throws Exception {
        var client = jetty();
        return new AsyncCaller() {
            @Override
            public CompletableFuture<Integer> call(int i) {
                CompletableFuture<Integer> status = new CompletableFuture<>();
                client.newRequest(url.apply(i)).timeout(5, TimeUnit.SECONDS).send(result -> {
                    if (result.isFailed()) {
                        status.completeExceptionally(result.getFailure());
                    } else {
                        status.complete(result.getResponse().getStatus());
                    }
                });
                return status;
            }

            @Override
            public void close() throws Exception {
                client.stop();
            }
        };
    }

    private static BlockingCaller okhttp(IntFunction<String> url) {
        OkHttpClient client = TimedHttpClients.builder(new ConnectionPool(1024, 15, TimeUnit.SECONDS),
                Duration.ofSeconds(5), () -> false, "bench").build();
        return new BlockingCaller() {
            @Override
            public int call(int i) throws Exception {
                var call = client.newCall(new Request.Builder().url(url.apply(i)).get().build());
                call.timeout().timeout(5, TimeUnit.SECONDS);
                try (Response response = call.execute()) {
                    response.body().bytes();
                    return response.code();
                }
            }

            @Override
            public void close() {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        };
    }

    private static BlockingCaller jdkBlocking(IntFunction<String> url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new BlockingCaller() {
            @Override
            public int call(int i) throws Exception {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i))).timeout(Duration.ofSeconds(5))
                        .build();
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static BlockingCaller jettyBlocking(IntFunction<String> url) throws Exception {
        var client = jetty();
        return new BlockingCaller() {
            @Override
            public int call(int i) throws Exception {
                return client.newRequest(url.apply(i)).timeout(5, TimeUnit.SECONDS).send().getStatus();
            }

            @Override
            public void close() throws Exception {
                client.stop();
            }
        };
    }
}
