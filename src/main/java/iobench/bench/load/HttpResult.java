package iobench.bench.load;

import iobench.core.ErrorKind;

/**
 * One request as the load generator saw it.
 *
 * @param status    the HTTP status, or 0 when no answer came
 * @param body      the answer's body, or null
 * @param errorKind    null when an answer came (whatever its status)
 * @param staleRetries 1 when the request was sent again after meeting a connection the server had
 *                     closed idle ({@code startNs} is then the first send); 0 otherwise
 */
public record HttpResult(int status, String body, long startNs, long endNs, ErrorKind errorKind, String message,
                         int staleRetries) {
    public HttpResult(int status, String body, long startNs, long endNs, ErrorKind errorKind, String message) {
        this(status, body, startNs, endNs, errorKind, message, 0);
    }

    public long latencyNs() {
        return endNs - startNs;
    }

    public boolean answered() {
        return errorKind == null;
    }
}
