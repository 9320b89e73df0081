package iobench.server.fanout;

import java.net.URI;
import java.util.Locale;

/** The one downstream address the benchmark servers call: the configured sim's {@code /slow-io}. */
public final class Downstream {
    private Downstream() {
    }

    /**
     * Built only from the configured base URL and numbers the server has validated, so no
     * request parameter can point a server elsewhere.
     */
    public static URI slowIo(URI simUrl, long delayMs, String requestId) {
        String base = simUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/slow-io?delay=" + String.format(Locale.ROOT, "%.3f", delayMs / 1000.0)
                + "&request_id=" + requestId);
    }
}
