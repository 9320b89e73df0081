package iobench.server.async;

import io.helidon.webserver.ServerConfiguration;
import io.helidon.webserver.Transport;
import io.helidon.webserver.WebServer;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Optional;

/**
 * The NIO transport Helidon 3 uses by default, with named threads and a fixed worker count.
 *
 * <p>Helidon 3's {@code NettyWebServer} asks its {@link Transport} for three artifacts by name:
 * {@code "bossGroup"} and {@code "workerGroup"} (both {@link EventLoopGroup}) and
 * {@code "serverChannelFactory"} ({@link ChannelFactory}). Its built-in {@code NioTransport}
 * creates {@code new NioEventLoopGroup(n)}, whose threads are called {@code nioEventLoopGroup-X-Y};
 * this one creates the same groups with a {@link NamedThreadFactory}, and hands over the worker
 * group it was given, which the server's downstream client shares ({@link DownstreamClient}).
 * The server shuts both groups down itself in {@code WebServer.shutdown()}.
 */
final class NamedNioTransport implements Transport {
    static final String ACCEPTOR_PREFIX = "async-acceptor-";
    static final String WORKER_PREFIX = "async-server-";

    private final NioEventLoopGroup workers;

    NamedNioTransport(NioEventLoopGroup workers) {
        this.workers = workers;
    }

    /** The worker loops, started, for a server and its downstream client to share. */
    static NioEventLoopGroup workers(int count) {
        return started(new NioEventLoopGroup(count, new NamedThreadFactory(WORKER_PREFIX, false)));
    }

    @Override
    public boolean isAvailableFor(WebServer webServer) {
        return true;
    }

    @Override
    public <T> Optional<T> createTransportArtifact(Class<T> type, String name, ServerConfiguration config) {
        if (EventLoopGroup.class.isAssignableFrom(type)) {
            return switch (name) {
                case "bossGroup" -> Optional.of(type.cast(started(new NioEventLoopGroup(
                        Math.max(1, config.sockets().size()), new NamedThreadFactory(ACCEPTOR_PREFIX, false)))));
                case "workerGroup" -> Optional.of(type.cast(workers));
                default -> Optional.empty();
            };
        }
        if (ChannelFactory.class.isAssignableFrom(type) && "serverChannelFactory".equals(name)) {
            ChannelFactory<NioServerSocketChannel> factory = NioServerSocketChannel::new;
            return Optional.of(type.cast(factory));
        }
        return Optional.empty();
    }

    /**
     * Netty starts an event loop's thread when the first channel lands on it; starting them all
     * at once makes the thread count what the settings say from the first request on.
     */
    static <G extends NioEventLoopGroup> G started(G group) {
        group.forEach(loop -> loop.execute(() -> { }));
        return group;
    }
}
