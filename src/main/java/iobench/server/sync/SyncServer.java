package iobench.server.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import iobench.core.Strategy;
import iobench.http.JavalinServers;
import iobench.http.Json;
import iobench.http.NamedThreads;
import iobench.http.QueryParams;
import iobench.http.RunningServer;
import iobench.server.fanout.CallOutcome;
import iobench.server.fanout.FanOutReport;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * Blocking request handlers on Javalin/Jetty, in two flavours that run the same code:
 * {@code sync} on a bounded pool of platform threads (the original's Flask on Gunicorn) and
 * {@code virtual}, one virtual thread per request.
 */
public final class SyncServer {
    /** Platform threads of the virtual server's pool: acceptor, selector and a few spares. */
    private static final int VIRTUAL_PLATFORM_THREADS = 8;

    private final ServerRole role;
    private final ServerSettings settings;
    private final BlockingFanOut fanOut;
    /** Threads the {@code parallel} strategy has, or 0 for one virtual thread per call. */
    private final int parallelThreads;
    private final String threadingDescription;

    private SyncServer(ServerRole role, ServerSettings settings, BlockingFanOut fanOut, int parallelThreads,
                       String threadingDescription) {
        this.role = role;
        this.settings = settings;
        this.fanOut = fanOut;
        this.parallelThreads = parallelThreads;
        this.threadingDescription = threadingDescription;
    }

    /** Exactly {@code settings.syncThreads()} requests handled at once; the rest wait in Jetty's queue. */
    public static RunningServer startPlatform(ServerSettings settings, int port) {
        int poolThreads = poolThreadsFor(settings.syncThreads());
        QueuedThreadPool pool = new QueuedThreadPool(poolThreads, poolThreads, 60_000);
        // Reserved threads would be taken from the same budget and blur the bound.
        pool.setReservedThreads(0);
        pool.setName("sync");
        ExecutorService parallel = NamedThreads.fixedPool(settings.fanoutThreads(), "sync-fanout-");
        BlockingFanOut fanOut = new BlockingFanOut(settings, parallel,
                settings.syncThreads() + settings.fanoutThreads(), "sync-");
        String threading = settings.syncThreads() + " request threads (Jetty pool of " + poolThreads
                + " incl. " + JavalinServers.ACCEPTORS + " acceptor + " + JavalinServers.SELECTORS
                + " selector), parallel fan-out pool " + settings.fanoutThreads() + " threads";
        return new SyncServer(ServerRole.SYNC, settings, fanOut, settings.fanoutThreads(), threading).start(pool, port);
    }

    /** One virtual thread per request; acceptor and selector stay on platform threads. */
    public static RunningServer startVirtual(ServerSettings settings, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(VIRTUAL_PLATFORM_THREADS, 2, 60_000);
        pool.setReservedThreads(0);
        pool.setName("virtual-platform");
        VirtualThreadPool virtualThreads = new VirtualThreadPool();
        virtualThreads.setName("virtual-");
        // Counted, so that the peak number of virtual threads can be reported.
        virtualThreads.setVirtualThreadsExecutor(
                Executors.newThreadPerTaskExecutor(NamedThreads.countedVirtual("virtual-request-")));
        pool.setVirtualThreadsExecutor(virtualThreads);
        ExecutorService parallel = Executors.newThreadPerTaskExecutor(NamedThreads.countedVirtual("virtual-fanout-"));
        BlockingFanOut fanOut = new BlockingFanOut(settings, parallel, settings.maxConcurrent(), "virtual-");
        String threading = "one virtual thread per request and per parallel call (platform pool "
                + VIRTUAL_PLATFORM_THREADS + " for acceptor/selector)";
        return new SyncServer(ServerRole.VIRTUAL, settings, fanOut, 0, threading).start(pool, port);
    }

    /** The Jetty pool size that leaves exactly {@code requestThreads} threads for requests. */
    public static int poolThreadsFor(int requestThreads) {
        return requestThreads + JavalinServers.ACCEPTORS + JavalinServers.SELECTORS;
    }

    private RunningServer start(QueuedThreadPool pool, int port) {
        var app = JavalinServers.create(settings, port, pool, routes -> {
            routes.get("/health", this::health);
            routes.get("/benchmark/io-test", this::ioTest);
        });
        String name = role == ServerRole.SYNC ? "iobench sync (Javalin/Jetty, blocking)" : "iobench virtual (Javalin/Jetty, virtual threads)";
        return JavalinServers.start(role, app, settings, port,
                boundPort -> name + " listening on http://" + settings.host() + ":" + boundPort + "; "
                        + threadingDescription + "; calling " + settings.simUrl(),
                fanOut::cancelInFlight, fanOut::close);
    }

    private void health(Context ctx) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("role", role.label());
        body.put("server", role == ServerRole.SYNC ? "Javalin/Jetty, bounded platform pool" : "Javalin/Jetty, virtual threads");
        body.put("sim_url", settings.simUrl().toString());
        if (role == ServerRole.SYNC) {
            body.put("threads", settings.syncThreads());
            body.put("pool_max_threads", poolThreadsFor(settings.syncThreads()));
            body.put("fanout_threads", settings.fanoutThreads());
        } else {
            body.put("threads", "virtual, one per request");
        }
        body.put("max_concurrent", settings.maxConcurrent());
        body.put("max_delay_s", settings.maxDelayMs() / 1000.0);
        // What the container or pod allows this server: bench writes it into the report.
        iobench.http.CgroupLimits.ofThisProcess().writeTo(body.putObject("cgroup_limits"));
        ArrayNode endpoints = body.putArray("endpoints");
        endpoints.add("GET /health");
        endpoints.add("GET /benchmark/io-test?delay=SECONDS&concurrent=K&strategy="
                + String.join("|", Strategy.LABELS));
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void ioTest(Context ctx) {
        long delayMs = QueryParams.delayMs("delay", ctx.queryParams("delay"), settings.maxDelayMs());
        int concurrent = QueryParams.intInRange("concurrent", ctx.queryParams("concurrent"), 1,
                settings.maxConcurrent(), null);
        Strategy strategy = Strategy.of(QueryParams.oneOf("strategy", ctx.queryParams("strategy"), Strategy.LABELS,
                Strategy.SEQUENTIAL.label()));
        long startNs = System.nanoTime();
        List<CallOutcome> calls = strategy == Strategy.SEQUENTIAL ? fanOut.sequential(delayMs, concurrent)
                : fanOut.parallel(delayMs, concurrent);
        long totalNs = System.nanoTime() - startNs;
        FanOutReport report = new FanOutReport(role, strategy, delayMs, concurrent,
                expectedDurationMs(strategy, delayMs, concurrent), totalNs, calls);
        JavalinServers.sendJson(ctx, report.httpStatus(), report.toJsonBytes());
    }

    /** The simple model: K delays in a row, or waves of one delay through the parallel pool. */
    private long expectedDurationMs(Strategy strategy, long delayMs, int concurrent) {
        if (strategy == Strategy.SEQUENTIAL) {
            return delayMs * concurrent;
        }
        long waves = parallelThreads == 0 ? 1 : (concurrent + parallelThreads - 1) / parallelThreads;
        return waves * delayMs;
    }
}
