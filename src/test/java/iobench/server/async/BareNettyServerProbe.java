package iobench.server.async;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import iobench.config.ServerSettings;
import iobench.http.BadParameterException;
import iobench.http.Json;
import iobench.http.RuntimeStats;
import iobench.testing.TestSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Not a test, and not a server iobench ships: what the async server's calls would cost without
 * Helidon SE 3 (docs/performance.md, "What the issue's own constraints rule out"). The same
 * {@link DownstreamClient} on the same event loops, and the server's own {@link IoBenchService}
 * for the parameter checks, the fan-out and its answer. Only the request is read by Netty's own
 * HTTP codec and answered from one handler: no routing, no reactive response, no per-request
 * contexts. It serves only {@code GET /benchmark/io-test} and {@code /stats}, for
 * {@code iobench.bench.load.ServerCostProbe}.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     iobench.server.async.BareNettyServerProbe PORT SIM_URL [EVENT_LOOPS]
 * </pre>
 */
public final class BareNettyServerProbe {
    private BareNettyServerProbe() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        URI simUrl = URI.create(args[1]);
        int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        ServerSettings settings = TestSettings.calling(simUrl, Map.of("async-event-loops", eventLoops));
        NioEventLoopGroup loops = NamedNioTransport.workers(eventLoops);
        DownstreamClient client = new DownstreamClient(simUrl, loops, settings.pooledConnectionIdleMs());
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        new ServerBootstrap().group(boss, loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new Endpoints(settings, client));
                    }
                })
                .bind("127.0.0.1", port).sync();
        System.out.println("bare Netty server on http://127.0.0.1:" + port + ", calling " + simUrl);
        Thread.currentThread().join();
    }

    private static final class Endpoints extends SimpleChannelInboundHandler<FullHttpRequest> {
        /** The async server's own checks and fan-out: its calls, on the same client, make the same report. */
        private final IoBenchService service;

        Endpoints(ServerSettings settings, DownstreamClient client) {
            this.service = new IoBenchService(settings, client);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            switch (uri.path()) {
                case "/stats" -> send(ctx, keepAlive, 200, RuntimeStats.json().getBytes(StandardCharsets.UTF_8));
                case "/benchmark/io-test" -> ioTest(ctx, keepAlive, uri.parameters());
                default -> send(ctx, keepAlive, 404, Json.error("not here").getBytes(StandardCharsets.UTF_8));
            }
        }

        /** What {@code IoBenchService.ioTest} does, minus Helidon: the same checks and the same fan-out. */
        private void ioTest(ChannelHandlerContext ctx, boolean keepAlive, Map<String, List<String>> query) {
            IoBenchService.FanOut fanOut;
            try {
                fanOut = service.parse(name -> query.getOrDefault(name, List.of()));
            } catch (BadParameterException e) {
                send(ctx, keepAlive, 400, Json.badParameter(e).getBytes(StandardCharsets.UTF_8));
                return;
            }
            service.fanOut(fanOut).thenAccept(report -> send(ctx, keepAlive, report.httpStatus(), report.toJsonBytes()));
        }

        private static void send(ChannelHandlerContext ctx, boolean keepAlive, int status, byte[] json) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(json));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
