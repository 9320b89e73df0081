package iobench.bench.load;

import java.io.IOException;

/**
 * A request met a reused HTTP/1.x connection the server had closed or said it would close (RFC
 * 9112 §9.3.1, §9.6): the request never reached the service's code, so it may go out again on a
 * new connection ({@link ConnectionReuse} says when).
 *
 * @see #sent()
 * @see #announced()
 */
final class StaleConnectionException extends IOException {
    private final boolean sent;
    private final boolean announced;

    private StaleConnectionException(String message, IOException cause, boolean sent, boolean announced) {
        super(message, cause);
        this.sent = sent;
        this.announced = announced;
    }

    /** Sent, and failed before any byte of the answer: only an idempotent request may be sent again. */
    static StaleConnectionException failedOnReuse(IOException cause) {
        return new StaleConnectionException(cause.getMessage() + " (on a reused connection idle 1 s or more, before "
                + "any byte of the answer)", cause, true, false);
    }

    /** The server's close was already waiting on the connection: the request was not sent. */
    static StaleConnectionException closedWhileIdle() {
        return new StaleConnectionException("the server had closed the kept-alive connection while it was idle", null,
                false, false);
    }

    /** The connection's last answer said it was the last (HTTP/1.0 without keep-alive): the request was not sent. */
    static StaleConnectionException closedByLastAnswer() {
        return new StaleConnectionException("the connection's last answer (HTTP/1.0, no keep-alive) closed it", null,
                false, true);
    }

    /** HTTP/2: the server refused the stream (REFUSED_STREAM, a GOAWAY) or the connection had shut down: not processed. */
    static StaleConnectionException refusedByHttp2(IOException cause) {
        return new StaleConnectionException(cause.getMessage() + " (HTTP/2: not processed by the server)", cause,
                false, false);
    }

    /** Whether the request went out on the stale connection; if not, any method may be sent on a new one. */
    boolean sent() {
        return sent;
    }

    /** Whether the server had said the connection would close: a new connection is then no retry, and not counted. */
    boolean announced() {
        return announced;
    }
}
