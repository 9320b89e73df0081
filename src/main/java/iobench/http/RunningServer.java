package iobench.http;

import iobench.core.ServerRole;
import java.net.URI;

/**
 * The handle of a server that is listening. Closing it stops accepting, lets in-flight
 * requests finish for a short grace period, then releases every thread the server owns.
 */
public interface RunningServer extends AutoCloseable {

    /** What this server plays in a benchmark: the sim or one of the contenders. */
    ServerRole role();

    String host();

    /** The real port, also when port 0 was asked for. */
    int port();

    /** One line for the console: what it is, where it listens, its concurrency settings. */
    String describe();

    default URI baseUri() {
        String h = host().contains(":") ? "[" + host() + "]" : host();
        // A server bound to the wildcard is reached over loopback by its own clients.
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return URI.create("http://" + h + ":" + port());
    }

    /**
     * Ends every request in flight at once, so that {@link #close()} waits for none: a fan-out
     * server cancels its downstream calls and fails every later one (its requests answer as
     * failures), and the close that follows skips its grace period. For a server whose answers
     * nobody awaits any more: bench stopping on Ctrl-C. Returns at once; may run on any thread,
     * also while another one closes the server.
     */
    default void cancelInFlight() {
    }

    @Override
    void close();
}
