package iobench.server.async;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import iobench.server.fanout.CallOutcome;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * The async server's downstream client: HTTP/1.1 GETs to the one configured sim, straight on
 * Netty (which Helidon SE 3 already ships), on event loops of its own named {@code async-client-N}.
 *
 * <p>It replaced Helidon 3's reactive WebClient (docs/performance.md has the comparison): that
 * client could only be given its own event loop by reflection into a package-private builder, had
 * to run with its read timeout off (its handler counted a pooled connection's idle time), kept idle
 * connections 50 s unless its pipeline was patched, could not abort a call, and spent its CPU in
 * reactive layers. Here a call is one request written as bytes, the answer parsed by Netty's
 * {@link HttpResponseDecoder} and dropped as it comes; its deadline closes its connection, so a
 * late answer never holds one. Idle connections are reused newest first and closed after
 * {@code idleCloseMs}, before the downstream's own idle timeout can close them under a call.
 */
final class DownstreamClient implements AutoCloseable {
    static final String THREAD_PREFIX = "async-client-";

    private final NioEventLoopGroup group;
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    /** What precedes {@code /slow-io}: the sim URL's path without its trailing slash. */
    private final String basePath;
    private final long idleCloseMs;
    /** Connections with no call, newest first: a burst reuses the warm ones and the rest idle out. */
    private final ConcurrentLinkedDeque<PooledConnection> idle = new ConcurrentLinkedDeque<>();
    /** The calls not answered yet, so that {@link #cancelInFlight()} can end each of them. */
    private final Set<Exchange> pending = ConcurrentHashMap.newKeySet();
    private final int eventLoops;
    private volatile boolean cancelled;

    /**
     * @param idleCloseMs how long a pooled connection may stay idle before the client closes it:
     *                    shorter than the downstream's idle timeout
     */
    DownstreamClient(URI simUrl, int eventLoops, long idleCloseMs) {
        this.eventLoops = eventLoops;
        this.idleCloseMs = idleCloseMs;
        this.host = simUrl.getHost();
        this.port = simUrl.getPort() == -1 ? 80 : simUrl.getPort();
        String path = simUrl.getRawPath() == null ? "" : simUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.group = NamedNioTransport.started(new NioEventLoopGroup(eventLoops,
                new NamedThreadFactory(THREAD_PREFIX, true)));
        String hostHeader = simUrl.getRawAuthority();
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, DownstreamClient.this.idleCloseMs,
                                        TimeUnit.MILLISECONDS))
                                .addLast(new HttpResponseDecoder())
                                .addLast(new PooledConnection(channel, hostHeader, idle));
                    }
                });
    }

    int eventLoops() {
        return eventLoops;
    }

    /** The request target of one call: the sim's {@code /slow-io} under the configured URL's path. */
    String slowIoTarget(String delayParam, String requestId) {
        return basePath + "/slow-io?delay=" + delayParam + "&request_id=" + requestId;
    }

    /**
     * One GET of {@code target} (path and query on the sim), its answer read to the end. The
     * future always completes with an outcome, never exceptionally: at the answer's end, at
     * {@code timeout} after the call began (connecting included: a connection not made within
     * it fails as a connect timeout), or at once when
     * {@link #cancelInFlight()} runs.
     */
    CompletableFuture<CallOutcome> call(int index, String target, Duration timeout) {
        long timeoutMs = Math.max(1, timeout.toMillis());
        Exchange exchange = new Exchange(index, target, System.nanoTime(), timeoutMs, pending);
        pending.add(exchange);
        // Added first, checked second: cancelInFlight() sets the flag, then fails what is pending.
        // A loop already stopping (close()) would refuse the call's timer with an exception.
        if (cancelled || group.isShuttingDown()) {
            exchange.fail(new IOException("Canceled: the server is stopping"));
            return exchange.outcome;
        }
        for (PooledConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (connection.claim()) {
                connection.send(exchange);
                return exchange.outcome;
            }
        }
        ChannelFuture connect = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .connect(host, port);
        connect.addListener(done -> {
            if (done.isSuccess()) {
                connect.channel().pipeline().get(PooledConnection.class).send(exchange);
            } else {
                exchange.fail(done.cause());
            }
        });
        return exchange.outcome;
    }

    /**
     * Fails every call in flight and every later one at once, and starts stopping the event loop
     * without waiting, which closes every connection. For
     * {@link iobench.http.RunningServer#cancelInFlight()}.
     */
    void cancelInFlight() {
        cancelled = true;
        IOException canceled = new IOException("Canceled: the server is stopping");
        pending.forEach(exchange -> exchange.fail(canceled));
        group.shutdownGracefully(0, AsyncServer.CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the event loop; true when its threads ended within the time given. */
    boolean close(Duration within) {
        cancelled = true;
        group.shutdownGracefully(0, Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
        return group.terminationFuture().awaitUninterruptibly(within.toMillis());
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
