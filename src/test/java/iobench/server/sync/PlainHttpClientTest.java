package iobench.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import iobench.testing.TestSettings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.Test;

/**
 * The blocking servers call the sim over plain HTTP only (sim-url is http://): their client sets up
 * no TLS, so building it does not load and index the JVM's trust store (a tenth or more of a
 * serve-sync's start-up allocation, docs/performance.md section 3).
 */
class PlainHttpClientTest {
    @Test
    void theDownstreamClientIsPlainHttpOnly() throws Exception {
        try (BlockingFanOut fanOut = new BlockingFanOut(TestSettings.calling(URI.create("http://127.0.0.1:1")),
                Executors.newSingleThreadExecutor(), 4, "test-")) {
            assertEquals(List.of(ConnectionSpec.CLEARTEXT), fanOut.client().connectionSpecs());
            // OkHttp builds no SSL socket factory (nor the trust manager behind it) for a cleartext-only client.
            assertThrows(IllegalStateException.class, () -> fanOut.client().sslSocketFactory());
        }
    }
}
