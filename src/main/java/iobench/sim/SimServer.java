package iobench.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import iobench.http.JavalinServers;
import iobench.http.Json;
import iobench.http.NamedThreads;
import iobench.http.QueryParams;
import iobench.http.RunningServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The IO simulation server (the original's FastAPI server): answers after a delay without
 * holding a thread while it waits, so that it is never the bottleneck of a benchmark.
 */
public final class SimServer {
    /** Jetty pool of the sim: handlers only schedule work, so a small pool serves thousands of waits. */
    private static final int POOL_THREADS = 16;
    private static final List<String> ENDPOINTS = List.of(
            "GET /health",
            "GET /slow-io?delay=SECONDS&request_id=ID[&profile=NAME&dist=...&p99=...&error_rate=...]",
            "GET /slow-io-sync?delay=SECONDS&request_id=ID[&profile=NAME&dist=...&p99=...&error_rate=...]",
            "GET /profile",
            "POST /profile?[profile=NAME&]dist=...&delay=...&p99=...&error_rate=...&stall_every=...&stall=...",
            "POST /profile with a JSON object body of the same names: {\"profile\": \"llm-api\", \"p99\": 2}",
            "DELETE /profile",
            "GET /concurrency/block?delay=SECONDS&timeout=SECONDS",
            "GET /concurrency/status",
            "POST /concurrency/release");

    private final ServerSettings settings;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService blockingPool;
    private final Gate gate;
    private final ActiveProfiles profiles;
    private final HungRequests hung;
    private final FaultCounts drawn = new FaultCounts();
    /** Where waits end: the timer only hands over, so hundreds of answers due at once are written in parallel. */
    private final Executor workers;
    /** /slow-io waits not over yet: the calls in flight, which the servers that call the sim cannot show. */
    private final AtomicInteger waitsInFlight = new AtomicInteger();

    private SimServer(ServerSettings settings, Executor workers) {
        this.settings = settings;
        this.workers = workers;
        this.timer = new ScheduledThreadPoolExecutor(1, NamedThreads.platform("sim-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.blockingPool = NamedThreads.fixedPool(settings.simBlockingThreads(), "sim-blocking-");
        this.gate = new Gate(timer);
        this.profiles = new ActiveProfiles(settings.maxDelayMs());
        // A hung request's connection closes after any delay could have ended plus 30 s, and
        // before Javalin's async timeout would answer it.
        this.hung = new HungRequests(timer, workers,
                Math.min(settings.maxDelayMs() + 30_000, JavalinServers.asyncTimeoutMs(settings) - 1_000));
    }

    public static RunningServer start(ServerSettings settings, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(POOL_THREADS, 4);
        pool.setName("sim");
        SimServer sim = new SimServer(settings, pool);
        var app = JavalinServers.create(settings, port, pool, sim::routes);
        app.jettyServer().server().addBean(sim.hung);
        return JavalinServers.start(ServerRole.SIM, app, settings, port,
                boundPort -> "iobench sim (IO simulation, Javalin/Jetty, waits on a timer) listening on http://"
                        + settings.host() + ":" + boundPort + "; max delay " + settings.maxDelayMs() / 1000.0
                        + " s, /slow-io-sync pool " + settings.simBlockingThreads() + " threads, gate timeout "
                        + settings.gateTimeoutMs() / 1000.0 + " s",
                // The sim calls nothing: for cancelInFlight(), skipping Jetty's graceful stop is enough
                // to end its waits at once.
                () -> { }, sim::shutdown);
    }

    private void routes(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/slow-io", this::slowIo);
        routes.get("/slow-io-sync", this::slowIoSync);
        routes.get("/profile", ctx -> json(ctx, 200, ProfileJson.of(profiles.simWide())));
        routes.post("/profile", this::setProfile);
        routes.delete("/profile", ctx -> {
            profiles.set(IoProfile.NONE);
            json(ctx, 200, ProfileJson.of(IoProfile.NONE));
        });
        routes.get("/concurrency/block", this::block);
        routes.get("/concurrency/status", ctx -> json(ctx, 200, Json.object().put("parked", gate.parked())));
        routes.post("/concurrency/release", ctx -> json(ctx, 200, Json.object().put("released", gate.release())));
    }

    private void health(Context ctx) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("role", ServerRole.SIM.label());
        body.put("server", "iobench IO simulation (Javalin/Jetty)");
        body.put("max_delay_s", settings.maxDelayMs() / 1000.0);
        body.put("blocking_threads", settings.simBlockingThreads());
        body.put("gate_timeout_s", settings.gateTimeoutMs() / 1000.0);
        ArrayNode endpoints = body.putArray("endpoints");
        ENDPOINTS.forEach(endpoints::add);
        ArrayNode names = body.putArray("profiles");
        IoProfiles.names().forEach(names::add);
        body.put("profile", profiles.simWide().toQuery());
        body.put("hung_requests", hung.count());
        drawn.writeTo(body.putObject("slow_io_requests"));
        body.put("waits_in_flight", waitsInFlight.get());
        // What the container or pod allows this server: bench writes it into the report.
        iobench.http.CgroupLimits.ofThisProcess().writeTo(body.putObject("cgroup_limits"));
        json(ctx, 200, body);
    }

    private void slowIo(Context ctx) {
        String requestId = requestId(ctx);
        ActiveProfiles.Plan plan = planUnlessHung(ctx);
        if (plan == null) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waitsInFlight.incrementAndGet();
        timer.schedule(() -> workers.execute(() -> {
            waitsInFlight.decrementAndGet();
            done.complete(null);
        }), plan.waitNs(), TimeUnit.NANOSECONDS);
        ctx.future(() -> done.thenRun(() -> finish(ctx, plan, "slow IO completed", requestId)));
    }

    private void slowIoSync(Context ctx) {
        String requestId = requestId(ctx);
        ActiveProfiles.Plan plan = planUnlessHung(ctx);
        if (plan == null) {
            return;
        }
        ctx.future(() -> CompletableFuture.runAsync(() -> sleep(TimeUnit.NANOSECONDS.toMillis(plan.waitNs())),
                blockingPool).thenRun(() -> finish(ctx, plan, "blocking slow IO completed", requestId)));
    }

    private static String requestId(Context ctx) {
        return QueryParams.text("request_id", ctx.queryParams("request_id"), 200);
    }

    /** What this request draws (delay, fault); null when it drew a hang: it is parked then, never answered. */
    private ActiveProfiles.Plan planUnlessHung(Context ctx) {
        long delayMs = QueryParams.delayMs("delay", ctx.queryParams("delay"), settings.maxDelayMs());
        ActiveProfiles.Plan plan =
                profiles.plan(IoQuery.forRequest(ctx.queryParamMap(), delayMs, settings.maxDelayMs()), delayMs);
        drawn.record(plan.fault());
        if (plan.fault() == Fault.HANG) {
            hung.hang(ctx);
            return null;
        }
        return plan;
    }

    private void setProfile(Context ctx) {
        // Read and checked whole before the profile changes: a refused request leaves the old one in force.
        IoProfile profile = IoQuery.forSim(ProfileRequest.parameters(ctx.body(), ctx.queryParamMap()),
                settings.maxDelayMs());
        profiles.set(profile);
        json(ctx, 200, ProfileJson.of(profile));
    }

    /** The answer after the wait: 200, an injected 500 or 503, or a reset connection. */
    private static void finish(Context ctx, ActiveProfiles.Plan plan, String message, String requestId) {
        switch (plan.fault()) {
            case ERROR_500 -> json(ctx, 500, injected("injected-500", plan.delayMs(), requestId));
            case UNAVAILABLE_503 -> json(ctx, 503, injected("injected-503", plan.delayMs(), requestId));
            case RESET -> Connections.reset(ctx);
            default -> JavalinServers.sendJson(ctx, 200, slowIoAnswer(message, plan.delayMs(), requestId));
        }
    }

    /** {@link #answer}'s JSON written from a template: the sim sends it for every call of every server. */
    private static String slowIoAnswer(String message, long delayMs, String requestId) {
        StringBuilder json = new StringBuilder(160).append("{\"message\":");
        Json.appendString(json, message).append(",\"delay\":").append(delayMs / 1000.0)
                .append(",\"timestamp\":\"");
        Timestamps.append(json, Instant.now()).append("\",\"request_id\":");
        return Json.appendString(json, requestId).append('}').toString();
    }

    private static ObjectNode injected(String fault, long delayMs, String requestId) {
        ObjectNode body = Json.object();
        body.put("error", "fault injected by the sim's profile (" + fault + ")");
        body.put("fault", fault);
        body.put("delay", delayMs / 1000.0);
        body.put("request_id", requestId);
        return body;
    }

    private void block(Context ctx) {
        long delayMs = QueryParams.delayMs("delay", ctx.queryParams("delay"), settings.maxDelayMs());
        long timeoutMs = ctx.queryParams("timeout").isEmpty() ? settings.gateTimeoutMs()
                : Math.max(1, QueryParams.delayMs("timeout", ctx.queryParams("timeout"), settings.gateTimeoutMs()));
        long parkedAtNs = System.nanoTime();
        ctx.future(() -> gate.park(timeoutMs)
                .thenCompose(released -> {
                    CompletableFuture<Void> waited = new CompletableFuture<>();
                    after(delayMs, waited);
                    return waited;
                })
                .handle((ok, failure) -> {
                    double parkedS = (System.nanoTime() - parkedAtNs) / 1e9;
                    if (failure != null) {
                        ObjectNode body = Json.object();
                        body.put("error", "the gate was not released within " + timeoutMs / 1000.0
                                + " s; POST /concurrency/release opens it");
                        body.put("waited_s", parkedS);
                        json(ctx, 504, body);
                    } else {
                        json(ctx, 200, answer("released from the gate", delayMs, null).put("waited_s", parkedS));
                    }
                    return null;
                }));
    }

    /** Completes {@code future} after {@code delayMs} on a worker thread; no thread waits meanwhile. */
    private void after(long delayMs, CompletableFuture<Void> future) {
        timer.schedule(() -> workers.execute(() -> future.complete(null)), delayMs, TimeUnit.MILLISECONDS);
    }

    private static ObjectNode answer(String message, long delayMs, String requestId) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("delay", delayMs / 1000.0);
        body.put("timestamp", Instant.now().toString());
        body.put("request_id", requestId);
        return body;
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static void sleep(long delayMs) {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown() {
        timer.shutdownNow();
        blockingPool.shutdownNow();
    }

}
