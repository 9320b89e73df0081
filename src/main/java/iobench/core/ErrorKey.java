package iobench.core;

/**
 * What a run counts one failure under, and its name in the results (the errors of results.csv,
 * summary.json and report.md): the request's own {@link ErrorKind} ("refused", "timeout",
 * "dropped"), the status of an answer that was not a success ("http-502"), or the kind of a
 * downstream call the server said failed ("downstream-reset"; "downstream" when it did not say).
 *
 * @param kind       why; null only for a downstream failure the server gave no kind for
 * @param httpStatus the status of the request's own answer, with {@link ErrorKind#HTTP_STATUS}; else 0
 * @param downstream whether one of the server's calls failed rather than the request itself
 */
public record ErrorKey(ErrorKind kind, int httpStatus, boolean downstream) {
    private static final String DOWNSTREAM = "downstream";
    private static final String HTTP = "http-";

    public ErrorKey {
        if (kind == null && !downstream) {
            throw new IllegalArgumentException("a request's own failure needs its kind");
        }
        if (httpStatus != 0 && (kind != ErrorKind.HTTP_STATUS || downstream)) {
            throw new IllegalArgumentException("status " + httpStatus + " with " + kind
                    + (downstream ? " downstream" : "") + "; only a request's own http-status has one");
        }
    }

    /** The request's own failure. */
    public static ErrorKey of(ErrorKind kind) {
        return new ErrorKey(kind, 0, false);
    }

    /** The request's answer came with this status, which is not a success. */
    public static ErrorKey http(int status) {
        return new ErrorKey(ErrorKind.HTTP_STATUS, status, false);
    }

    /** A call the server made failed, as its answer says; {@code kind} null: the answer did not say how. */
    public static ErrorKey downstream(ErrorKind kind) {
        return new ErrorKey(kind, 0, true);
    }

    /** "refused", "http-502", "downstream-reset", "downstream". */
    public String label() {
        if (downstream) {
            return kind == null ? DOWNSTREAM : DOWNSTREAM + "-" + kind.label();
        }
        return httpStatus != 0 ? HTTP + httpStatus : kind.label();
    }

    /** The key {@link #label} gave this text (as a runs.json file has it), or null for any other text. */
    public static ErrorKey parse(String label) {
        if (label.equals(DOWNSTREAM)) {
            return downstream(null);
        }
        if (label.startsWith(DOWNSTREAM + "-")) {
            ErrorKind kind = Labelled.fromLabel(ErrorKind.class, label.substring(DOWNSTREAM.length() + 1));
            return kind == null ? null : downstream(kind);
        }
        if (label.matches(HTTP + "[1-9][0-9]{2}")) {
            return http(Integer.parseInt(label.substring(HTTP.length())));
        }
        ErrorKind kind = Labelled.fromLabel(ErrorKind.class, label);
        return kind == null ? null : of(kind);
    }
}
