package iobench.server.fanout;

import java.net.URI;

/** The one downstream address the benchmark servers call: the configured sim's {@code /slow-io}. */
public final class Downstream {
    private Downstream() {
    }

    /**
     * Built only from the configured base URL and numbers the server has validated, so no
     * request parameter can point a server elsewhere.
     */
    public static URI slowIo(URI simUrl, long delayMs, String requestId) {
        return URI.create(slowIoBase(simUrl) + "?delay=" + delayParam(delayMs) + "&request_id=" + requestId);
    }

    /** The sim's {@code /slow-io} URL without a query, for callers that add theirs per call. */
    public static String slowIoBase(URI simUrl) {
        String base = simUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/slow-io";
    }

    /**
     * A delay as the sim's {@code delay} parameter: seconds with three decimals, as
     * {@code String.format(Locale.ROOT, "%.3f", delayMs / 1000.0)} writes it, without the
     * formatter's cost on every call.
     */
    public static String delayParam(long delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs " + delayMs + " < 0");
        }
        long millis = delayMs % 1000;
        return (delayMs / 1000) + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + millis;
    }
}
