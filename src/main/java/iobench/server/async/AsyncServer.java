package iobench.server.async;

import io.helidon.common.http.Http;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.DirectHandler;
import io.helidon.webserver.HttpException;
import io.helidon.webserver.Routing;
import io.helidon.webserver.ServerRequest;
import io.helidon.webserver.ServerResponse;
import io.helidon.webserver.WebServer;
import io.netty.channel.nio.NioEventLoopGroup;
import iobench.config.ServerSettings;
import iobench.http.BadParameterException;
import iobench.http.JavalinServers;
import iobench.http.Json;
import iobench.http.RunningServer;
import iobench.core.ServerRole;
import iobench.http.ServerStartException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The async server: Helidon SE 3's reactive WebServer on a few Netty event loops, calling the
 * simulation server through a lean Netty client ({@link DownstreamClient}) on those same loops.
 * No request ever holds a thread while it waits, and none hands over to another thread.
 */
public final class AsyncServer {
    public static final ServerRole ROLE = ServerRole.ASYNC;
    static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static final Logger LOGGER = Logger.getLogger(AsyncServer.class.getName());

    private AsyncServer() {
    }

    /** Starts the server on {@code settings.host()} and {@code port} (0 picks a free port); returns once it listens. */
    public static RunningServer start(ServerSettings settings, int port) {
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(settings.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + settings.host() + " cannot be resolved", e);
        }
        NioEventLoopGroup loops = NamedNioTransport.workers(settings.asyncEventLoops());
        DownstreamClient client = new DownstreamClient(settings.simUrl(), loops, settings.pooledConnectionIdleMs());
        WebServer server = WebServer.builder()
                // Only the keys named here; no environment or system property takes part.
                .config(Config.builder(ConfigSources.create(Map.of(
                                "max-shutdown-timeout-seconds", Long.toString(CLOSE_WITHIN.toSeconds()),
                                "shutdown-quiet-period-seconds", "0")))
                        .disableEnvironmentVariablesSource()
                        .disableSystemPropertiesSource()
                        .build())
                .bindAddress(bindAddress)
                .port(port)
                .workersCount(settings.asyncEventLoops())
                .transport(new NamedNioTransport(loops))
                // Helidon 3.2.11's idle timeout is left off on purpose: it closes a connection that
                // many seconds after it opened, busy or not (AsyncServerTest shows it with 1 s), so a
                // keep-alive client sees "unexpected end of stream" mid-run. Netty holds no thread
                // per connection, so an idle client costs this server a socket, never a thread.
                .connectionIdleTimeout(0)
                // The same 8 KB the Jetty servers allow (JavalinServers.MAX_REQUEST_HEADER_BYTES); Netty's
                // default request line is 4 KB. A request over either limit is refused with a 400:
                // Helidon 3.2 tells its DirectHandler neither which limit nor that it was a limit.
                .maxInitialLineLength(JavalinServers.MAX_REQUEST_HEADER_BYTES)
                .maxHeaderSize(JavalinServers.MAX_REQUEST_HEADER_BYTES)
                .directHandler(AsyncServer::badRequest, DirectHandler.EventType.BAD_REQUEST)
                .printFeatureDetails(false)
                .routing(createRouting(settings, client))
                .build();
        try {
            server.start().await(10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            stop(server, client, loops);
            throw ServerStartException.from(e, settings.host(), port, ROLE);
        }
        return new Running(settings, server, client, loops);
    }

    /** The routes: every answer JSON with {@code Connection: keep-alive}, errors as JSON 4xx. */
    static Routing.Builder createRouting(ServerSettings settings, DownstreamClient client) {
        return Routing.builder()
                .any(AsyncServer::keepAlive)
                .register(new IoBenchService(settings, client))
                .any(AsyncServer::notFound)
                .error(BadParameterException.class, (request, response, e) ->
                        IoBenchService.sendJson(response, 400, Json.badParameter(e)))
                .error(HttpException.class, (request, response, e) ->
                        IoBenchService.sendJson(response, e.status().code(), Json.error(e.getMessage())))
                .error(Throwable.class, (request, response, e) -> {
                    LOGGER.log(Level.WARNING, "request " + request.method().name() + " " + request.path()
                            + " failed", e);
                    IoBenchService.sendJson(response, 500, Json.error("internal error: " + e.getClass().getSimpleName()));
                });
    }

    /** A request Helidon cannot parse (malformed, or over a size limit): JSON like every other answer. */
    private static DirectHandler.TransportResponse badRequest(DirectHandler.TransportRequest request,
                                                              DirectHandler.EventType event,
                                                              Http.ResponseStatus status, String message) {
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .header(Http.Header.CONTENT_TYPE, "application/json")
                // As bytes: entity(String) HTML-escapes its text, which would break the JSON.
                .entity(Json.error(status.code() + " " + status.reasonPhrase()
                        + ": the request line or headers are malformed or larger than "
                        + JavalinServers.MAX_REQUEST_HEADER_BYTES + " bytes").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Helidon 3's own WebClient takes an answer without a {@code Connection} header for
     * "close", so every answer says keep-alive explicitly.
     */
    private static void keepAlive(ServerRequest request, ServerResponse response) {
        response.headers().put(Http.Header.CONNECTION, "keep-alive");
        request.next();
    }

    private static void notFound(ServerRequest request, ServerResponse response) {
        String path = request.path().absolute().toString();
        if (path.length() > 200) {
            path = path.substring(0, 200) + "...";
        }
        IoBenchService.sendJson(response, 404, Json.notFound(request.method().name(), path));
    }

    private static boolean stop(WebServer server, DownstreamClient client, NioEventLoopGroup loops) {
        long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
        boolean clean = true;
        try {
            server.shutdown().await(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            clean = false;
            LOGGER.log(Level.WARNING, "async server did not stop cleanly: " + rootMessage(e));
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(500).toNanos()));
        if (!client.close(left)) {
            clean = false;
            LOGGER.warning("async client connections did not close within " + left.toMillis() + " ms");
        }
        // The server stops its worker loops; a server that never started may not have.
        loops.shutdownGracefully(0, CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        return clean;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static final class Running implements RunningServer {
        private final ServerSettings settings;
        private final WebServer server;
        private final DownstreamClient client;
        private final NioEventLoopGroup loops;
        private final AtomicBoolean closed = new AtomicBoolean();

        Running(ServerSettings settings, WebServer server, DownstreamClient client, NioEventLoopGroup loops) {
            this.settings = settings;
            this.server = server;
            this.client = client;
            this.loops = loops;
        }

        @Override
        public ServerRole role() {
            return ROLE;
        }

        @Override
        public String host() {
            return settings.host();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public String describe() {
            return "iobench async (Helidon SE reactive) listening on " + baseUri() + ", " + client.eventLoops()
                    + " event loops (its downstream calls run on them too), calling " + settings.simUrl();
        }

        @Override
        public void cancelInFlight() {
            client.cancelInFlight();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                stop(server, client, loops);
            }
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
