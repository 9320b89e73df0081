package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.HttpVersion;
import iobench.bench.contender.RequestSpec;
import iobench.bench.contender.RequestValues;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import iobench.bench.contender.UrlTemplate;
import iobench.core.Strategy;
import iobench.core.ErrorKind;
import iobench.testing.IdleTrapServer;
import iobench.testing.ScriptedHttpServer;
import iobench.testing.ScriptedHttpServer.Behaviour;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keep-alive as RFC 9112 §9.3.1 and §9.6 ask, against small real servers that close connections
 * as services we did not write do: a request that met a connection the server had closed idle is
 * sent again once on a new connection and counted; every other failure stays a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeepAliveTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final RequestValues VALUES = new RequestValues(0, 1, Strategy.SEQUENTIAL, 1);

    private static Target target(URI base, String method, boolean retryStale) {
        RequestSpec spec = new RequestSpec(method, Map.of(), null, null, Set.of(), null, HttpVersion.HTTP_1_1, false,
                retryStale);
        return new Target("other", UrlTemplate.parse(base + "/work"), TargetModel.ASYNC, 0, spec);
    }

    /** Past {@link ConnectionReuse#MIN_IDLE_NS}: a connection idle this long may have met the server's timeout. */
    private static final long IDLE_MS = 1_300;

    @Test
    void aConnectionTheServerClosedIdleIsNotUsedAndItsRequestGoesOnANewOne() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.CLOSE_IDLE);
             LoadClient client = new LoadClient()) {
            Target target = target(server.baseUri(), "GET", false);
            assertEquals(200, client.send(target, VALUES, TIMEOUT).status());
            Thread.sleep(IDLE_MS); // the server has closed the pooled connection
            HttpResult second = client.send(target, VALUES, TIMEOUT);
            assertEquals(200, second.status(), second.message());
            assertEquals(1, second.staleRetries());
            assertEquals(2, server.connections());
            assertEquals(2, server.heads().size(), "the request went out once, on the new connection");
        }
    }

    @Test
    void overTlsTooAConnectionTheServerClosedIdleIsNotUsed() throws Exception {
        okhttp3.tls.HandshakeCertificates certificates = new okhttp3.tls.HandshakeCertificates.Builder()
                .heldCertificate(new okhttp3.tls.HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build())
                .build();
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.CLOSE_IDLE, certificates.sslContext());
             LoadClient client = new LoadClient()) {
            RequestSpec insecure = new RequestSpec("GET", Map.of(), null, null, Set.of(), null, HttpVersion.HTTP_1_1,
                    true, false);
            Target target = new Target("tls", UrlTemplate.parse(server.baseUri() + "/work"), TargetModel.ASYNC, 0,
                    insecure);
            HttpResult first = client.send(target, VALUES, TIMEOUT);
            assertEquals(200, first.status(), first.message());
            assertEquals(200, client.send(target, VALUES, TIMEOUT).status(), "reused while open");
            assertEquals(1, server.connections());
            Thread.sleep(IDLE_MS); // the server sent close_notify and closed
            HttpResult afterIdle = client.send(target, VALUES, TIMEOUT);
            assertEquals(200, afterIdle.status(), afterIdle.message());
            assertEquals(1, afterIdle.staleRetries());
            assertEquals(2, server.connections());
            assertEquals(3, server.heads().size(), "the request went out once, on the new connection");
        }
    }

    @Test
    void aGetThatRacesTheServersIdleTimeoutIsSentAgainOnceOnANewConnectionAndCounted() throws Exception {
        try (IdleTrapServer server = new IdleTrapServer(IDLE_MS - 200); LoadClient client = new LoadClient()) {
            Target target = target(server.baseUri(), "GET", false);
            HttpResult first = client.send(target, VALUES, TIMEOUT);
            assertEquals(200, first.status());
            assertEquals(0, first.staleRetries());
            Thread.sleep(IDLE_MS); // idle past the server's timeout: it closes as the request arrives
            HttpResult second = client.send(target, VALUES, TIMEOUT);
            assertEquals(200, second.status(), second.message());
            assertEquals(1, second.staleRetries());
            assertEquals(1, server.trapped());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aPostIsNotSentAgainUnlessItsTargetAllowsIt() throws Exception {
        try (IdleTrapServer server = new IdleTrapServer(IDLE_MS - 200); LoadClient client = new LoadClient()) {
            // OkHttp checks a pooled connection before a request other than GET; the trap server closes
            // only when the request arrives, so the check passes and the request meets the closed connection.
            Target post = target(server.baseUri(), "POST", false);
            assertEquals(200, client.send(post, VALUES, TIMEOUT).status());
            Thread.sleep(IDLE_MS);
            HttpResult refused = client.send(post, VALUES, TIMEOUT);
            assertEquals(ErrorKind.RESET, refused.errorKind(), refused.message());
            assertEquals(0, refused.staleRetries());
            assertTrue(refused.message().contains("reused connection"), refused.message());

            Target retried = target(server.baseUri(), "POST", true);
            assertEquals(200, client.send(retried, VALUES, TIMEOUT).status());
            Thread.sleep(IDLE_MS);
            HttpResult again = client.send(retried, VALUES, TIMEOUT);
            assertEquals(200, again.status(), again.message());
            assertEquals(1, again.staleRetries());
        }
    }

    @Test
    void aFailureAfterPartOfTheAnswerStaysAFailure() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Behaviour.PARTIAL_ON_REUSE);
             LoadClient client = new LoadClient()) {
            Target target = target(server.baseUri(), "GET", false);
            assertEquals(200, client.send(target, VALUES, TIMEOUT).status());
            HttpResult broken = client.send(target, VALUES, TIMEOUT);
            assertEquals(ErrorKind.RESET, broken.errorKind(), String.valueOf(broken.message()));
            assertEquals(0, broken.staleRetries());
            assertEquals(1, server.connections(), "no second connection: nothing was sent again");
        }
    }

    @Test
    void http10AnswersWithoutKeepAliveAndConnectionCloseEndTheConnectionWithoutAFailure() throws Exception {
        for (Behaviour behaviour : new Behaviour[] {Behaviour.HTTP_1_0, Behaviour.CONNECTION_CLOSE}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(behaviour); LoadClient client = new LoadClient()) {
                Target target = target(server.baseUri(), "GET", false);
                for (int i = 0; i < 5; i++) {
                    HttpResult result = client.send(target, VALUES, TIMEOUT);
                    assertEquals(200, result.status(), behaviour + ": " + result.message());
                    assertNull(result.errorKind());
                    assertEquals(0, result.staleRetries(), behaviour + ": the closed connection was reused");
                }
                assertEquals(5, server.connections(), behaviour.toString());
            }
        }
    }

    @Test
    void aServerThatResetsFreshConnectionsShowsAsFailing() throws Exception {
        // Nothing listens on a port just closed: refused on a fresh connection, never retried.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LoadClient client = new LoadClient()) {
            HttpResult refused = client.send(target(URI.create("http://127.0.0.1:" + port), "GET", false), VALUES,
                    TIMEOUT);
            assertEquals(ErrorKind.REFUSED, refused.errorKind());
            assertEquals(0, refused.staleRetries());
        }
    }
}
