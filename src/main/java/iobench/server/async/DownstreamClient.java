package iobench.server.async;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import iobench.server.fanout.CallOutcome;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The async server's downstream client: HTTP/1.1 GETs to the one configured sim, straight on
 * Netty (which Helidon SE 3 already ships), on the server's own event loops.
 *
 * <p>A call started on one of those loops (every request handler runs on one) goes out on a
 * connection of that same loop, and its answer completes the call there too: the request, its
 * downstream call and the answer written back never hand over to another thread, so no call
 * wakes a second thread (measured in docs/performance.md: a client on loops of its own cost a
 * wake-up each way). Each loop has its own pool of idle connections. A call from any other thread
 * (a test, the client comparison) takes the loops in turn.
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

    private final EventLoopGroup group;
    /** Whether this client made {@link #group} and so stops it; the server's loops are the server's to stop. */
    private final boolean ownsGroup;
    private final EventLoop[] loops;
    /** Per loop, its connections with no call, newest first: a burst reuses the warm ones and the rest idle out. */
    private final ConcurrentLinkedDeque<PooledConnection>[] idle;
    /** Every connection not closed yet, so that a cancel can close them all. */
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    /** What precedes {@code /slow-io}: the sim URL's path without its trailing slash. */
    private final String basePath;
    private final long idleCloseMs;
    /** The calls not answered yet, so that {@link #cancelInFlight()} can end each of them. */
    private final Set<Exchange> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * A client on event loops of its own, {@code async-client-N}, which {@link #close()} stops:
     * for a caller that is not on Netty's loops (the client comparison).
     */
    static DownstreamClient withOwnLoops(URI simUrl, int eventLoops, long idleCloseMs) {
        return new DownstreamClient(simUrl, NamedNioTransport.started(new NioEventLoopGroup(eventLoops,
                new NamedThreadFactory(THREAD_PREFIX, true))), true, idleCloseMs);
    }

    /**
     * @param loops       the event loops the calls run on: the server's, which the server stops
     * @param idleCloseMs how long a pooled connection may stay idle before the client closes it:
     *                    shorter than the downstream's idle timeout
     */
    DownstreamClient(URI simUrl, EventLoopGroup loops, long idleCloseMs) {
        this(simUrl, loops, false, idleCloseMs);
    }

    @SuppressWarnings("unchecked")
    private DownstreamClient(URI simUrl, EventLoopGroup loops, boolean ownsGroup, long idleCloseMs) {
        this.group = loops;
        this.ownsGroup = ownsGroup;
        this.loops = java.util.stream.StreamSupport.stream(loops.spliterator(), false)
                .map(EventLoop.class::cast).toArray(EventLoop[]::new);
        this.idle = new ConcurrentLinkedDeque[this.loops.length];
        for (int i = 0; i < idle.length; i++) {
            idle[i] = new ConcurrentLinkedDeque<>();
        }
        this.idleCloseMs = idleCloseMs;
        this.host = simUrl.getHost();
        this.port = simUrl.getPort() == -1 ? 80 : simUrl.getPort();
        String path = simUrl.getRawPath() == null ? "" : simUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String hostHeader = simUrl.getRawAuthority();
        this.bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        open.add(channel);
                        channel.closeFuture().addListener(closed -> open.remove(channel));
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, DownstreamClient.this.idleCloseMs,
                                        TimeUnit.MILLISECONDS))
                                .addLast(new HttpResponseDecoder())
                                .addLast(new PooledConnection(channel, hostHeader, idle[loopIndex(channel.eventLoop())]));
                    }
                });
    }

    int eventLoops() {
        return loops.length;
    }

    private int loopIndex(EventLoop loop) {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i] == loop) {
                return i;
            }
        }
        throw new IllegalStateException("a connection on an event loop not of this client");
    }

    /** The loop this thread runs, or the next in turn when it runs none of them. */
    private int callingLoop() {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i].inEventLoop()) {
                return i;
            }
        }
        return Math.floorMod(nextLoop.getAndIncrement(), loops.length);
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
        int loop = callingLoop();
        Deque<PooledConnection> pool = idle[loop];
        for (PooledConnection connection = pool.pollFirst(); connection != null; connection = pool.pollFirst()) {
            if (connection.claim()) {
                connection.send(exchange);
                return exchange.outcome;
            }
        }
        ChannelFuture connect = bootstrap.clone(loops[loop])
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
     * Fails every call in flight and every later one at once, and closes every connection
     * without waiting (and stops the loops when they are this client's own). For
     * {@link iobench.http.RunningServer#cancelInFlight()}.
     */
    void cancelInFlight() {
        cancelled = true;
        IOException canceled = new IOException("Canceled: the server is stopping");
        pending.forEach(exchange -> exchange.fail(canceled));
        open.forEach(Channel::close);
        if (ownsGroup) {
            group.shutdownGracefully(0, AsyncServer.CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Closes every connection, and stops the loops when they are this client's own; true when
     * that ended within the time given.
     */
    boolean close(Duration within) {
        cancelled = true;
        long deadlineNs = System.nanoTime() + within.toNanos();
        open.forEach(Channel::close);
        if (ownsGroup) {
            group.shutdownGracefully(0, Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
            return group.terminationFuture().awaitUninterruptibly(within.toMillis());
        }
        for (Channel channel : open) {
            long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0 || !channel.closeFuture().awaitUninterruptibly(leftMs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
