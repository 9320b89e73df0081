package iobench.bench.load;

import java.io.IOException;
import java.net.Socket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The generator's network interceptor for keep-alive as curl and browsers do it (RFC 9112 §9.3.1):
 * a request that fails on a reused HTTP/1.x connection before any byte of its answer arrived is
 * reported as a {@link StaleConnectionException}, which {@link LoadClient} may send again once on a
 * new connection. Anything else stays the failure it is: on a new connection, after part of the
 * answer, or over HTTP/2.
 */
final class ConnectionReuse implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        Socket socket = connection == null ? null : connection.socket();
        // A socket that has read bytes before this request carried an earlier answer: it is reused.
        long before = socket == null ? -1 : CountingSocket.bytesRead(socket);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            boolean http1 = connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0;
            if (http1 && before > 0 && CountingSocket.bytesRead(socket) == before) {
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
