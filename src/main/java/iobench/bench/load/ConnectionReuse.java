package iobench.bench.load;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The generator's network interceptor for keep-alive as curl and browsers do it (RFC 9112 §9.3.1),
 * made strict enough that a retry never hides a failing service. A reused HTTP/1.x connection
 * counts as stale, and its request as one {@link LoadClient} may send again once on a new
 * connection ({@link StaleConnectionException}), when
 * <ul>
 * <li>the server's close is already waiting on it before the request is sent (nothing was sent), or</li>
 * <li>the request failed before any byte of its answer, on a connection that had sat idle for at
 *     least {@link #MIN_IDLE_NS}: the race with a server's idle timeout.</li>
 * </ul>
 * Anything else stays the failure it is: on a new connection, after part of the answer, on a
 * connection in use (a service that resets connections under load), or over HTTP/2.
 */
final class ConnectionReuse implements Interceptor {
    /**
     * Idle timeouts of real servers are a second or more (Gunicorn 2 s, Node and Hypercorn 5 s,
     * nginx 75 s); a connection busy until just now that fails was not closed idle.
     */
    static final long MIN_IDLE_NS = TimeUnit.SECONDS.toNanos(1);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        Socket socket = connection == null ? null : connection.socket();
        boolean http1 = connection != null
                && (connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0);
        // A socket that has read bytes before this request carried an earlier answer: it is reused.
        long before = http1 ? CountingSocket.bytesRead(socket) : -1;
        boolean reused = before > 0;
        if (reused && CountingSocket.closedByPeer(socket)) {
            socket.close();
            throw new StaleConnectionException(new IOException("the server had closed the kept-alive connection"));
        }
        boolean longIdle = reused && CountingSocket.idleNs(socket) >= MIN_IDLE_NS;
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (longIdle && CountingSocket.bytesRead(socket) == before) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
        return closesAfterAnswer(response) ? closingAfterBody(response, socket) : response;
    }

    /**
     * RFC 9112 §9.3: an HTTP/1.0 answer keeps its connection only when it says keep-alive. OkHttp
     * pools it all the same (it honours only {@code Connection: close}), and the next request
     * would meet a connection the server has closed.
     */
    private static boolean closesAfterAnswer(Response response) {
        return response.protocol() == Protocol.HTTP_1_0
                && !"keep-alive".equalsIgnoreCase(String.valueOf(response.header("Connection")).trim());
    }

    /** The answer, whose socket is closed once its body is: a closed socket is never taken from the pool. */
    private static Response closingAfterBody(Response response, Socket socket) {
        ResponseBody body = response.body();
        BufferedSource closing = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public void close() throws IOException {
                try {
                    socket.close();
                } finally {
                    super.close();
                }
            }
        });
        return response.newBuilder().body(ResponseBody.create(closing, body.contentType(), body.contentLength())).build();
    }
}
