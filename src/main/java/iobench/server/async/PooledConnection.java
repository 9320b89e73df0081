package iobench.server.async;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One keep-alive connection to the sim and the call on it, at most one at a time. The request is
 * written as bytes (a GET with a Host header needs no header objects); the answer's status is
 * kept, its body dropped as it arrives; at its end the connection goes back to the pool unless the
 * answer said {@code Connection: close}.
 *
 * <p>Its state moves BUSY -> IDLE (into the pool) -> BUSY (claimed by a call) ... -> CLOSED.
 * A call claims an idle connection and the idle timeout closes one with the same compare-and-set,
 * so no call can pick up a connection that is being closed for idleness.
 */
final class PooledConnection extends SimpleChannelInboundHandler<HttpObject> {
    private static final int BUSY = 0;
    private static final int IDLE = 1;
    private static final int CLOSED = 2;

    private final Channel channel;
    private final String hostHeader;
    private final Deque<PooledConnection> pool;
    private final AtomicInteger state = new AtomicInteger(BUSY);
    /** The call on this connection; touched on the connection's event loop only. */
    private Exchange current;
    private int status;
    private boolean keepAlive;

    PooledConnection(Channel channel, String hostHeader, Deque<PooledConnection> pool) {
        this.channel = channel;
        this.hostHeader = hostHeader;
        this.pool = pool;
    }

    /** Takes this idle connection for a call; false when it is closing or another call took it. */
    boolean claim() {
        return state.compareAndSet(IDLE, BUSY) && channel.isActive();
    }

    /** Sends the call's request; from any thread. */
    void send(Exchange exchange) {
        if (channel.eventLoop().inEventLoop()) {
            write(exchange);
        } else {
            channel.eventLoop().execute(() -> write(exchange));
        }
    }

    private void write(Exchange exchange) {
        if (!channel.isActive()) {
            exchange.fail(new IOException("connection closed before the request was sent"));
            return;
        }
        current = exchange;
        status = 0;
        keepAlive = false;
        exchange.runsOn(channel, exchange.timeoutMs);
        String target = exchange.target;
        ByteBuf request = channel.alloc().buffer(target.length() + hostHeader.length() + 32);
        ByteBufUtil.writeAscii(request, "GET ");
        ByteBufUtil.writeAscii(request, target);
        ByteBufUtil.writeAscii(request, " HTTP/1.1\r\nHost: ");
        ByteBufUtil.writeAscii(request, hostHeader);
        ByteBufUtil.writeAscii(request, "\r\n\r\n");
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail(written.cause());
                channel.close();
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
        Exchange exchange = current;
        if (exchange == null) {
            // Bytes no call asked for: the connection cannot be trusted any more.
            ctx.close();
            return;
        }
        if (message.decoderResult().isFailure()) {
            current = null;
            exchange.fail(message.decoderResult().cause());
            ctx.close();
            return;
        }
        if (message instanceof HttpResponse response) {
            status = response.status().code();
            keepAlive = HttpUtil.isKeepAlive(response);
        }
        if (message instanceof LastHttpContent) {
            current = null;
            // Back into the pool first, so that a call the answer sets off can take it.
            boolean reuse = keepAlive && !exchange.outcome.isDone() && state.compareAndSet(BUSY, IDLE);
            if (reuse) {
                pool.addFirst(this);
            }
            exchange.answered(status);
            if (!reuse) {
                ctx.close();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (state.compareAndSet(IDLE, CLOSED)) {
                pool.remove(this);
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (state.getAndSet(CLOSED) == IDLE) {
            pool.remove(this);
        }
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.fail(new IOException("connection closed before the answer ended"));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.fail(cause);
        }
        ctx.close();
    }
}
