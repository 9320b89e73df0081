package iobench.server.async;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.http.Http;
import io.helidon.common.http.MediaType;
import io.helidon.webserver.Routing;
import io.helidon.webserver.ServerRequest;
import io.helidon.webserver.ServerResponse;
import io.helidon.webserver.Service;
import iobench.config.ServerSettings;
import iobench.core.Strategy;
import iobench.http.Json;
import iobench.http.QueryParams;
import iobench.server.fanout.CallOutcome;
import iobench.server.fanout.Downstream;
import iobench.server.fanout.FanOutReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The async server's endpoints. Handlers run on the server's event loop and never block it: the
 * fan-out is a reactive chain of WebClient calls, and its result is sent when the last call ends.
 */
final class IoBenchService implements Service {
    static final List<String> ENDPOINTS = List.of(
            "GET /health",
            "GET /benchmark/io-test?delay=SECONDS&concurrent=K[&strategy=parallel]",
            "GET /stats",
            "POST /stats/reset");

    private final ServerSettings settings;
    private final DownstreamClient client;

    IoBenchService(ServerSettings settings, DownstreamClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public void update(Routing.Rules rules) {
        rules.get("/health", this::health)
                .get("/benchmark/io-test", this::ioTest)
                .get("/stats", (request, response) -> sendJson(response, 200, iobench.http.RuntimeStats.json()))
                .post("/stats/reset", (request, response) -> sendJson(response, 200, iobench.http.RuntimeStats.reset()));
    }

    private void health(ServerRequest request, ServerResponse response) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("role", AsyncServer.ROLE.label());
        body.put("server", "Helidon SE 3 reactive");
        body.put("sim_url", settings.simUrl().toString());
        body.put("event_loops", settings.asyncEventLoops());
        // What the container or pod allows this server: bench writes it into the report.
        iobench.http.CgroupLimits.ofThisProcess().writeTo(body.putObject("cgroup_limits"));
        ArrayNode endpoints = body.putArray("endpoints");
        ENDPOINTS.forEach(endpoints::add);
        sendJson(response, 200, Json.write(body));
    }

    /** The parameters of one fan-out, checked. */
    record FanOut(long delayMs, int concurrent, Strategy strategy) {
    }

    private void ioTest(ServerRequest request, ServerResponse response) {
        FanOut fanOut;
        try {
            fanOut = parse(request.queryParams()::all);
        } catch (RuntimeException e) {
            request.next(e); // a BadParameterException is answered 400 by the routing's error handler
            return;
        }
        fanOut(fanOut).thenAccept(report -> sendJson(response, report.httpStatus(), report.toJsonBytes()))
                .exceptionally(e -> {
                    request.next(e);
                    return null;
                });
    }

    /** The query's values by name (every value of a repeated parameter), checked into a fan-out. */
    FanOut parse(Function<String, List<String>> query) {
        long delayMs = QueryParams.delayMs("delay", query.apply("delay"), settings.maxDelayMs());
        int concurrent = QueryParams.intInRange("concurrent", query.apply("concurrent"), 1, settings.maxConcurrent(),
                null);
        // Asked for anything but parallel, it refuses rather than answer a strategy it did not run.
        String parallel = Strategy.PARALLEL.label();
        QueryParams.oneOf("strategy", query.apply("strategy"), List.of(parallel), parallel);
        return new FanOut(delayMs, concurrent, Strategy.PARALLEL);
    }

    /**
     * All calls at once, each started here on the request's event loop; the report is made when
     * the last one ends. A counter and an array rather than a reactive chain: per request that
     * chain cost more than the calls themselves.
     */
    CompletableFuture<FanOutReport> fanOut(FanOut fanOut) {
        long start = System.nanoTime();
        Duration timeout = settings.downstreamTimeout(fanOut.delayMs());
        String delayParam = Downstream.delayParam(fanOut.delayMs());
        int concurrent = fanOut.concurrent();
        CallOutcome[] outcomes = new CallOutcome[concurrent];
        AtomicInteger left = new AtomicInteger(concurrent);
        CompletableFuture<FanOutReport> report = new CompletableFuture<>();
        for (int i = 0; i < concurrent; i++) {
            client.call(i, client.slowIoTarget(delayParam, "async-" + i), timeout).thenAccept(outcome -> {
                // Each call writes its own slot; the last decrement sees every slot written.
                outcomes[outcome.index()] = outcome;
                if (left.decrementAndGet() == 0) {
                    report.complete(new FanOutReport(AsyncServer.ROLE, fanOut.strategy(), fanOut.delayMs(),
                            concurrent, fanOut.delayMs(), System.nanoTime() - start, Arrays.asList(outcomes)));
                }
            });
        }
        return report;
    }

    /** The answer as bytes: Helidon's String writer encodes through a CharsetEncoder and a buffer of its own. */
    static void sendJson(ServerResponse response, int status, String json) {
        sendJson(response, status, json.getBytes(StandardCharsets.UTF_8));
    }

    static void sendJson(ServerResponse response, int status, byte[] json) {
        response.status(status == 200 ? Http.Status.OK_200 : Http.ResponseStatus.create(status));
        response.headers().contentType(MediaType.APPLICATION_JSON);
        response.send(json);
    }
}
