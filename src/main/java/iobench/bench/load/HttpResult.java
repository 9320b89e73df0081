package iobench.bench.load;

import iobench.server.fanout.ErrorKind;

/**
 * One request as the load generator saw it.
 *
 * @param status    the HTTP status, or 0 when no answer came
 * @param body      the answer's body, or null
 * @param errorKind null when an answer came (whatever its status)
 */
public record HttpResult(int status, String body, long startNs, long endNs, ErrorKind errorKind, String message) {
    public long latencyNs() {
        return endNs - startNs;
    }

    public boolean answered() {
        return errorKind == null;
    }
}
