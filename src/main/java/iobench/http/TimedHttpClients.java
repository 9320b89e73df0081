package iobench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * OkHttp as iobench times calls with it, in the load generator and in the sync servers' downstream
 * calls: no silent retry or redirect (either would hide a failure and stretch a latency), no read
 * timeout (each caller bounds its calls), and no call starts once its owner is stopping.
 */
public final class TimedHttpClients {
    private TimedHttpClients() {
    }

    /**
     * @param stopping  whether the owner is stopping; read by every call before it is sent
     * @param whoStops  "bench", "the server": named in the failure of a call refused for it
     */
    public static OkHttpClient.Builder builder(ConnectionPool pool, Duration connectTimeout, BooleanSupplier stopping,
                                               String whoStops) {
        return new OkHttpClient.Builder()
                .connectionPool(pool)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout)
                .readTimeout(Duration.ZERO)
                // A call is registered with the dispatcher before its interceptors run, so each call
                // is either cancelled by the owner's cancelAll() / cancelInFlight() or sees the flag
                // here: none slips through (a sequential fan-out of 30 calls ends at once).
                .addInterceptor(chain -> {
                    if (stopping.getAsBoolean()) {
                        throw new IOException("Canceled: " + whoStops + " is stopping");
                    }
                    return chain.proceed(chain.request());
                });
    }
}
