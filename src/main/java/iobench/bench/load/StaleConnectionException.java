package iobench.bench.load;

import java.io.IOException;

/**
 * A request failed on a reused HTTP/1.x connection before any byte of its answer came back: the
 * server had closed the connection while it sat idle in the pool (RFC 9112 §9.3.1, §9.6). The
 * request never reached the service's code, so an idempotent one may be sent again.
 */
final class StaleConnectionException extends IOException {
    StaleConnectionException(IOException cause) {
        super(cause.getMessage() + " (on a reused connection, before any byte of the answer)", cause);
    }
}
