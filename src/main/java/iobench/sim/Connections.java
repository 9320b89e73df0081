package iobench.sim;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Ends a request's connection without an HTTP answer. Jetty has no "reset" call, so this goes
 * under the servlet layer to the connection's {@link EndPoint} and its socket channel.
 */
final class Connections {
    private Connections() {
    }

    /**
     * Closes the connection with a TCP RST: SO_LINGER 0 makes the kernel drop unsent data and
     * send a reset instead of a FIN, which the client sees as "Connection reset".
     */
    static void reset(Context ctx) {
        EndPoint endPoint = endPoint(ctx);
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // Already closed by the client: nothing left to reset.
            }
        }
        endPoint.close();
    }

    /** Closes the connection with an ordinary FIN: the client sees the stream end with no answer. */
    static void close(Context ctx) {
        endPoint(ctx).close();
    }

    private static EndPoint endPoint(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
    }
}
