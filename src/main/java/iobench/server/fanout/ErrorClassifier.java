package iobench.server.fanout;

import iobench.core.ErrorKind;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failed call into an {@link ErrorKind}. Clients wrap their exceptions differently
 * (OkHttp throws them as they are, Netty and CompletableFuture wrap them), so the whole cause
 * chain is read, innermost first.
 */
public final class ErrorClassifier {
    private ErrorClassifier() {
    }

    public static ErrorKind classify(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            innermost = t;
            if (t.getCause() == null) {
                break;
            }
        }
        for (Throwable t = innermost; t != null; t = parentOf(failure, t)) {
            ErrorKind kind = direct(t);
            if (kind != null) {
                return kind;
            }
        }
        return ErrorKind.IO;
    }

    private static ErrorKind direct(Throwable t) {
        String type = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || type.endsWith("AnnotatedConnectException")) {
            return message.contains("timed out") ? ErrorKind.CONNECT_TIMEOUT : ErrorKind.REFUSED;
        }
        if (type.endsWith("ConnectTimeoutException")) {
            return ErrorKind.CONNECT_TIMEOUT;
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                || type.endsWith("ReadTimeoutException") || type.endsWith("TimeoutException")
                || (t instanceof InterruptedIOException && message.contains("timeout"))) {
            return message.contains("connect") ? ErrorKind.CONNECT_TIMEOUT : ErrorKind.TIMEOUT;
        }
        if (message.contains("connection reset") || message.contains("broken pipe")
                || message.contains("unexpected end of stream") || message.contains("connection closed")
                || message.contains("closed before") || t instanceof EOFException
                || type.endsWith("PrematureChannelClosureException")) {
            return ErrorKind.RESET;
        }
        if (t instanceof SocketException && message.contains("refused")) {
            return ErrorKind.REFUSED;
        }
        return null;
    }

    /** The throwable whose cause is {@code child}, walking down from {@code root}. */
    private static Throwable parentOf(Throwable root, Throwable child) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            if (t.getCause() == child) {
                return t;
            }
            if (t.getCause() == t) {
                return null;
            }
        }
        return null;
    }
}
