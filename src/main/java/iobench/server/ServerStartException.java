package iobench.server;

import java.net.BindException;

/** A server could not start; the message is one line for the console. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ServerStartException from(Throwable failure, String host, String role) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new ServerStartException("cannot start the " + role + " server: its port on " + host
                        + " is already in use or not available (" + t.getMessage()
                        + "); choose another with --port (0 picks a free one)", failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new ServerStartException("cannot start the " + role + " server: " + failure, failure);
    }
}
