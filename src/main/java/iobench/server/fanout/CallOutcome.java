package iobench.server.fanout;

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
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return new CallOutcome(index, 0, durationNs, ErrorClassifier.classify(cause), message);
    }

    public boolean ok() {
        return errorKind == null;
    }
}
