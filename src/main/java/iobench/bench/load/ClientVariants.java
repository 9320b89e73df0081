package iobench.bench.load;

import iobench.bench.contender.HttpVersion;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The load generator's one OkHttp client as each kind of target needs it: HTTP/2 (over TLS by
 * ALPN, or h2c with prior knowledge on an http:// URL), TLS without certificate checks
 * ({@code insecure}), and for a stale-connection retry a client whose pool keeps nothing, so the
 * retry always goes out on a new connection. Each variant shares the base client's dispatcher (one
 * {@code cancelAll()} ends every call) and, but for the retry's, its connection pool.
 */
final class ClientVariants {
    private final OkHttpClient base;
    private final Map<String, OkHttpClient> variants = new ConcurrentHashMap<>();
    private final Map<OkHttpClient, OkHttpClient> fresh = new ConcurrentHashMap<>();

    ClientVariants(OkHttpClient base) {
        this.base = base;
    }

    /** The client for a target of this version and trust, over https or not. */
    OkHttpClient of(HttpVersion http, boolean insecure, boolean https) {
        if (http == HttpVersion.HTTP_1_1 && !insecure) {
            return base;
        }
        return variants.computeIfAbsent(http + "/" + insecure + "/" + https, key -> {
            OkHttpClient.Builder builder = base.newBuilder();
            if (http == HttpVersion.HTTP_2) {
                builder.protocols(https ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)
                        : List.of(Protocol.H2_PRIOR_KNOWLEDGE));
            }
            if (insecure) {
                trustEverything(builder);
            }
            return builder.build();
        });
    }

    /** The same client, but every connection it opens is new and closed after its one request. */
    OkHttpClient fresh(OkHttpClient sender) {
        return fresh.computeIfAbsent(sender, s -> s.newBuilder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS)).build());
    }

    void close() {
        variants.values().forEach(c -> c.connectionPool().evictAll());
        fresh.values().forEach(c -> c.connectionPool().evictAll());
    }

    /** The JVM's own trust store, with TLS sockets recorded over their counting sockets ({@link TlsLayers}). */
    static void trustTheJvm(OkHttpClient.Builder builder) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager jvm = (X509TrustManager) java.util.Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this JVM has no X.509 trust manager"));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {jvm}, null);
            builder.sslSocketFactory(new TlsLayers(tls.getSocketFactory()), jvm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    /** {@code insecure: true}: any certificate, any host name. The report says the target was so reached. */
    private static void trustEverything(OkHttpClient.Builder builder) {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {any}, new SecureRandom());
            builder.sslSocketFactory(new TlsLayers(tls.getSocketFactory()), any).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }
}
