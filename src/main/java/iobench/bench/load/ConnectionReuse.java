package iobench.bench.load;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.internal.http2.ConnectionShutdownException;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;

/**
 * The generator's network interceptor for keep-alive as curl and browsers do it (RFC 9112 §9.3.1),
 * made strict enough that a retry never hides a failing service. A reused HTTP/1.x connection
 * counts as stale, and its request as one {@link LoadClient} may send again once on a new
 * connection ({@link StaleConnectionException}), when
 * <ul>
 * <li>its last answer was HTTP/1.0 without keep-alive (after such an answer, every request to that
 *     origin says {@code Connection: close} and is never pooled), or it had sat idle for at least
 *     {@link #MIN_IDLE_NS} and the server's close is already waiting on it: nothing was sent either
 *     way, or</li>
 * <li>the request failed before any byte of its answer, on a connection that had sat idle for at
 *     least {@link #MIN_IDLE_NS}: the race with a server's idle timeout.</li>
 * </ul>
 * Over HTTP/2, a stream the server refused (REFUSED_STREAM, or beyond a GOAWAY) or never opened on
 * a connection already shut down goes out again the same way: it was not processed. Anything else
 * stays the failure it is: on a new connection, after part of the answer, on a connection in use
 * (a service that resets connections under load), any other HTTP/2 stream reset.
 */
final class ConnectionReuse implements Interceptor {
    /**
     * Idle timeouts of real servers are a second or more (Gunicorn 2 s, Node and Hypercorn 5 s,
     * nginx 75 s); a connection busy until just now that fails was not closed idle.
     */
    static final long MIN_IDLE_NS = TimeUnit.SECONDS.toNanos(1);

    /**
     * Origins (scheme, host, port) that answered in HTTP/1.0 without keep-alive. OkHttp pools such
     * a connection all the same (it honours only {@code Connection: close}), so every later request
     * to the origin says {@code Connection: close} itself, and OkHttp never pools its connection.
     */
    private final Set<String> closingOrigins = ConcurrentHashMap.newKeySet();
    /**
     * Connections whose answer was HTTP/1.0 without keep-alive, before the origin was known: OkHttp
     * hands them back to the pool the moment the answer's last byte is read, and the next request
     * that takes one must not be sent on it.
     */
    private final Set<Connection> lastAnswered = ConcurrentHashMap.newKeySet();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        boolean http1 = connection != null
                && (connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0);
        CountingSocket socket = http1 ? CountingSocket.of(connection.socket()) : null;
        boolean reused = socket != null && socket.startExchange() > 0;
        if (reused && lastAnswered.remove(connection)) {
            socket.close();
            throw StaleConnectionException.closedByLastAnswer();
        }
        // The look costs up to a millisecond of the request's time (the kernel is asked to wait that
        // long for the close): only on a connection idle long enough for a server to have closed it.
        boolean longIdle = reused && socket.idleNs() >= MIN_IDLE_NS;
        if (longIdle && socket.doneWhileIdle()) {
            socket.close();
            throw StaleConnectionException.closedWhileIdle();
        }
        long before = reused ? socket.bytesRead() : -1;
        Request request = chain.request();
        // Nothing to look up (and no string to build) on the hot path until an HTTP/1.0 origin is known.
        boolean closing = !closingOrigins.isEmpty() && closingOrigins.contains(origin(request.url()));
        if (closing) {
            request = request.newBuilder().header("Connection", "close").build();
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            if (!http1 && connection != null && notProcessedByHttp2(e)) {
                throw StaleConnectionException.refusedByHttp2(e);
            }
            if (longIdle && socket.bytesRead() == before) {
                throw StaleConnectionException.failedOnReuse(e);
            }
            throw e;
        }
        if (!closesAfterAnswer(response)) {
            return response;
        }
        if (!closing) {
            // Said Connection: close, OkHttp does not pool it: only an earlier request's connection is kept in mind.
            closingOrigins.add(origin(request.url()));
            lastAnswered.add(connection);
        }
        return response;
    }

    /**
     * RFC 9113 §8.7: a stream reset with REFUSED_STREAM (also what OkHttp fails the streams a
     * GOAWAY did not take with) was not processed, and neither was one that never got a stream on
     * a connection already shut down: either may go out again on a new connection.
     */
    private static boolean notProcessedByHttp2(IOException e) {
        return e instanceof StreamResetException reset && reset.errorCode == ErrorCode.REFUSED_STREAM
                || e instanceof ConnectionShutdownException;
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
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

}
