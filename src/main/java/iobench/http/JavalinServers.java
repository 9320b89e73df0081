package iobench.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.util.JavalinLogger;
import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * What every Javalin-based server (sim, sync, virtual) shares: one connector with a pinned
 * number of acceptor and selector threads, idle and URI limits, explicit keep-alive, JSON for
 * bad parameters and unknown paths, and no banner.
 */
public final class JavalinServers {
    /**
     * Jetty takes its acceptor and selector threads out of the server's pool. Pinning them lets
     * a pool of {@code N + ACCEPTORS + SELECTORS} threads handle exactly N requests at once.
     */
    public static final int ACCEPTORS = 1;
    public static final int SELECTORS = 1;
    /** Request line plus headers; a larger request gets a 431 or 414, never a thread held. */
    public static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;
    private static final long STOP_TIMEOUT_MS = 3_000;
    /** Pending connections the kernel may queue for the acceptor. */
    public static final int ACCEPT_QUEUE = 4096;
    /**
     * Jetty 12 strips {@code Connection: keep-alive} from HTTP/1.1 answers, and Helidon 3's client
     * reads its absence as "close", opening a socket per call and skewing the comparison. A field
     * without a known header enum passes Jetty's generator untouched.
     */
    private static final HttpField EXPLICIT_KEEP_ALIVE = new HttpField((HttpHeader) null, "Connection", "keep-alive");

    private JavalinServers() {
    }

    public static Javalin create(ServerSettings settings, int port, ThreadPool pool, Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            configure(config, settings, port, pool);
            routes.accept(config.routes);
        });
    }

    private static void configure(JavalinConfig config, ServerSettings settings, int port, ThreadPool pool) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.threadPool = pool;
        // Long enough for the longest delay a request may ask for, plus the gate's wait.
        config.http.asyncTimeout = asyncTimeoutMs(settings);
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setSendServerVersion(false);
            http.setSendDateHeader(false);
            http.addCustomizer((request, responseHeaders) -> {
                if (!request.getHeaders().contains(HttpHeader.CONNECTION, "close")) {
                    responseHeaders.add(EXPLICIT_KEEP_ALIVE);
                }
                return request;
            });
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(port);
            connector.setIdleTimeout(settings.idleTimeoutMs());
            // The default backlog of 50 overflows when a benchmark opens hundreds of connections
            // at once, and each overflowed SYN waits a one-second retry: a stall that is not the server's.
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
        });
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT_MS);
            // Jetty answers a request it cannot parse (bad request line, URI or headers over the
            // limit: 400, 414, 431) itself, before any route runs, with an HTML page by default.
            server.setErrorHandler(new JsonErrorHandler());
        });
        RoutesConfig routes = config.routes;
        routes.get("/stats", ctx -> ctx.contentType("application/json").result(RuntimeStats.json()));
        routes.post("/stats/reset", ctx -> ctx.contentType("application/json").result(RuntimeStats.reset()));
        routes.exception(BadParameterException.class, (e, ctx) -> ctx.status(400)
                .contentType("application/json").result(Json.badParameter(e)));
        routes.error(404, ctx -> ctx.contentType("application/json")
                .result(Json.notFound(ctx.method().name(), ctx.path())));
        routes.error(405, ctx -> ctx.contentType("application/json")
                .result(Json.notFound(ctx.method().name(), ctx.path())));
    }

    /** How long an async request may stay open before Javalin answers it with a timeout. */
    public static long asyncTimeoutMs(ServerSettings settings) {
        return settings.maxDelayMs() + settings.gateTimeoutMs() + 10_000;
    }

    /**
     * Sends a JSON answer as bytes, straight to the response's stream. Javalin's
     * {@code ctx.result(String)} would copy it through a fresh 8 KB buffer per answer (Kotlin's
     * {@code copyTo}), which for a small answer is most of what a request allocates; on virtual
     * threads no buffer is ever reused.
     */
    public static void sendJson(io.javalin.http.Context ctx, int status, String json) {
        sendJson(ctx, status, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #sendJson(io.javalin.http.Context, int, String)} of an answer already in UTF-8. */
    public static void sendJson(io.javalin.http.Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json");
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (java.io.IOException e) {
            // The client went away: there is no one left to answer, and nothing worth a log line.
        }
    }

    /**
     * Starts the app on {@code port} (the one given to {@link #create}) and wraps it as a
     * {@link RunningServer}; {@code cancelInFlight} is its {@link RunningServer#cancelInFlight()},
     * {@code onClose} releases what the server owns.
     */
    public static RunningServer start(ServerRole role, Javalin app, ServerSettings settings, int port,
                                      java.util.function.IntFunction<String> describe, Runnable cancelInFlight,
                                      Runnable onClose) {
        // Jetty stops its beans in reverse order, so this runs after the grace period for in-flight
        // requests and before the thread pool stops. A thread blocked on a downstream socket cannot
        // be interrupted; releasing the server's clients here lets it return, so the pool stops
        // within its timeout instead of leaving the thread behind.
        app.jettyServer().server().addBean(new AbstractLifeCycle() {
            @Override
            protected void doStop() {
                onClose.run();
            }
        });
        try {
            startQuietly(app);
        } catch (RuntimeException e) {
            onClose.run();
            throw ServerStartException.from(e, settings.host(), port, role);
        }
        int boundPort = ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        return new StartedJavalin(role, settings.host(), boundPort, describe, app, cancelInFlight, onClose);
    }

    /** A started Javalin app as a {@link RunningServer}: role, host and port are its components. */
    private record StartedJavalin(ServerRole role, String host, int port, java.util.function.IntFunction<String> describer,
                                  Javalin app, Runnable cancel, Runnable onClose) implements RunningServer {
        @Override
        public String describe() {
            return describer.apply(port);
        }

        @Override
        public void cancelInFlight() {
            cancel.run();
            // No answer matters any more, so the stop skips Jetty's graceful phase, which waits
            // for idle keep-alive connections to close: 1 s for one such connection, measured.
            app.jettyServer().server().setStopTimeout(0);
        }

        @Override
        public void close() {
            try {
                app.stop();
            } catch (RuntimeException e) {
                // Requests still running after the grace period make Jetty report a timeout,
                // but the server is stopped all the same; throwing would skip the caller's
                // other closes (the next server, the shutdown hook's latch).
                if (!stoppedAfterGracePeriod(e)) {
                    throw e;
                }
            } finally {
                onClose.run();
            }
        }
    }

    /**
     * Javalin logs "Failed to start Javalin" at ERROR before it throws, which would print a log
     * line above the one line iobench prints for the same failure (a port in use names the
     * address and port there). Its logger is off while it starts; a start at a time, so that one
     * start cannot turn it back on during another.
     */
    private static synchronized void startQuietly(Javalin app) {
        boolean logging = JavalinLogger.enabled;
        JavalinLogger.enabled = false;
        try {
            app.start();
        } finally {
            JavalinLogger.enabled = logging;
        }
    }

    private static boolean stoppedAfterGracePeriod(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Jetty's own error answers as the servers' JSON: {@code {"error": "..."}}, whatever the Accept header. */
    private static final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        JsonErrorHandler() {
            setDefaultResponseMimeType("application/json");
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        protected boolean generateAcceptableResponse(org.eclipse.jetty.server.Request request,
                                                     org.eclipse.jetty.server.Response response,
                                                     org.eclipse.jetty.util.Callback callback, String contentType,
                                                     java.util.List<java.nio.charset.Charset> charsets, int code,
                                                     String message, Throwable cause) throws java.io.IOException {
            // Only JSON is offered; an Accept header asking for HTML gets JSON all the same.
            return super.generateAcceptableResponse(request, response, callback, "application/json", charsets, code,
                    message, cause);
        }

        @Override
        protected void writeErrorJson(org.eclipse.jetty.server.Request request, java.io.PrintWriter writer, int code,
                                      String message, Throwable cause) {
            String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
            writer.write(Json.error(code + " " + reason + (message == null || message.equals(reason) ? ""
                    : ": " + message)));
        }
    }
}
