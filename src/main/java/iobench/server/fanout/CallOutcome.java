package iobench.server.fanout;

import iobench.core.ErrorKind;
/**
 * One downstream call of a fan-out.
 *
 * @param index      its position in the fan-out, from 0
 * @param status     the HTTP status, or 0 when no answer came
 * @param durationNs from sending to the end of the answer (or the failure)
 * @param errorKind  null when the call succeeded
 * @param message    what went wrong, short; null when it succeeded
 */
public record CallOutcome(int index, int status, long durationNs, ErrorKind errorKind, String message) {

    public static CallOutcome success(int index, int status, long durationNs) {
        return new CallOutcome(index, status, durationNs, null, null);
    }

    public static CallOutcome httpStatus(int index, int status, long durationNs) {
        return new CallOutcome(index, status, durationNs, ErrorKind.HTTP_STATUS, "downstream answered HTTP " + status);
    }

    public static CallOutcome failure(int index, long durationNs, Throwable cause) {
        // The innermost cause says why (Connection refused), the outermost one where; a reader sees the
        // first 120 characters in a report, so the why comes first. Future wrappers say neither.
        Throwable outer = cause;
        while ((outer instanceof java.util.concurrent.CompletionException
                || outer instanceof java.util.concurrent.ExecutionException) && outer.getCause() != null) {
            outer = outer.getCause();
        }
        Throwable root = outer;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = describe(root) + (root == outer ? "" : " (in " + describe(outer) + ")");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return new CallOutcome(index, 0, durationNs, ErrorClassifier.classify(cause), message);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    public boolean ok() {
        return errorKind == null;
    }
}
