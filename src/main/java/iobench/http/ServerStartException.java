package iobench.http;

import iobench.core.ServerRole;
import java.net.BindException;
import java.util.Locale;

/** A server could not start; the message is one line for the console. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** One line naming the address and port that could not be bound, or else the failure. */
    public static ServerStartException from(Throwable failure, String host, int port, ServerRole server) {
        String role = server.label();
        String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String reason = t.getMessage() == null ? "" : t.getMessage();
                if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
                    return new ServerStartException("cannot start the " + role + " server: " + address
                            + " is already in use; pick another --port or stop what holds it", failure);
                }
                // "Cannot assign requested address" (not this machine's), "Permission denied" (a port below 1024).
                return new ServerStartException("cannot start the " + role + " server: cannot listen on " + address
                        + " (" + reason + "); pick another --host or --port (0 picks a free one)", failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new ServerStartException("cannot start the " + role + " server on " + address + ": " + failure,
                failure);
    }
}
