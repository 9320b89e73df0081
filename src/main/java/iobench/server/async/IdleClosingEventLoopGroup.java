package iobench.server.async;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The async server's client event loop, on which every pooled downstream connection lets go once
 * it has been idle for a bound the caller chooses.
 *
 * <p>Helidon 3.2's WebClient puts an {@code IdleStateHandler(0, 0, 50 s)} named
 * {@code "idleStateHandler"} into each connection's pipeline; its {@code IdleConnectionHandler}
 * closes a connection on that event if no request holds it (it claims the connection's
 * {@code inUse} flag first, so a call can never pick up a connection being closed). Fifty seconds
 * cannot be configured, and it is longer than the idle timeout of most servers, ours included: a
 * call that picks up a connection just as the server closes it fails with "Connection reset by the
 * host". The pipeline is built when the connection registers with its event loop, so this group
 * swaps that one handler for one with the shorter bound right after registration.
 */
final class IdleClosingEventLoopGroup extends NioEventLoopGroup {
    /** The name Helidon 3.2's {@code NettyClientInitializer} gives its idle handler. */
    static final String HELIDON_IDLE_HANDLER = "idleStateHandler";
    private static final Logger LOGGER = Logger.getLogger(IdleClosingEventLoopGroup.class.getName());

    private final long idleCloseMs;
    private final AtomicBoolean warned = new AtomicBoolean();

    IdleClosingEventLoopGroup(int threads, ThreadFactory threadFactory, long idleCloseMs) {
        super(threads, threadFactory);
        this.idleCloseMs = idleCloseMs;
    }

    @Override
    public ChannelFuture register(Channel channel) {
        ChannelFuture registered = super.register(channel);
        // Runs on the channel's event loop after the pipeline's initializer, before any connect.
        registered.addListener(done -> {
            if (done.isSuccess()) {
                shortenIdleHandler(channel.pipeline());
            }
        });
        return registered;
    }

    private void shortenIdleHandler(ChannelPipeline pipeline) {
        if (pipeline.get(HELIDON_IDLE_HANDLER) != null) {
            pipeline.replace(HELIDON_IDLE_HANDLER, HELIDON_IDLE_HANDLER,
                    new IdleStateHandler(0, 0, idleCloseMs, TimeUnit.MILLISECONDS));
        } else if (warned.compareAndSet(false, true)) {
            LOGGER.warning("the Helidon WebClient has no '" + HELIDON_IDLE_HANDLER + "' to shorten: idle downstream"
                    + " connections are kept as long as Helidon decides, and a downstream that closes them first"
                    + " can reset a call");
        }
    }
}
