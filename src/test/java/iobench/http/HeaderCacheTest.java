package iobench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import iobench.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The Jetty servers keep a small header cache per connection ({@link JavalinServers#HEADER_CACHE_NODES}
 * instead of Jetty's 1,024 nodes, 96 KB held by every open connection), and a connection whose
 * header lines outgrow it still has every line read as sent.
 */
class HeaderCacheTest {
    private static final int REQUESTS = 60;

    @Test
    void aConnectionWhoseHeaderLinesOutgrowTheCacheIsReadAsSent() throws IOException {
        Javalin app = JavalinServers.create(TestSettings.loopback(), 0, new QueuedThreadPool(8, 4),
                routes -> routes.get("/agent", ctx -> ctx.result(ctx.header("User-Agent"))));
        app.start();
        try {
            ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
            assertEquals(JavalinServers.HEADER_CACHE_NODES, connector.getConnectionFactory(HttpConnectionFactory.class)
                    .getHttpConfiguration().getHeaderCacheSize());
            try (Socket socket = new Socket("127.0.0.1", connector.getLocalPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                // Each request has a new 70-character User-Agent line: together far more than 256 nodes.
                for (int i = 0; i < REQUESTS; i++) {
                    String agent = "agent-" + i + "-" + "x".repeat(60);
                    out.write(("GET /agent HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + agent + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertEquals(agent, readBody(in), "request " + i + " on the same connection");
                }
            }
        } finally {
            app.stop();
        }
    }

    /** Reads one answer with a Content-Length and returns its body. */
    private static String readBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the server closed the connection; so far: " + head);
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        int length = -1;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertTrue(length >= 0, "no Content-Length: " + text);
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
