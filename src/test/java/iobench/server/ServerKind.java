package iobench.server;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;

/**
 * The fan-out servers the contract suite runs against, each with how it starts and what timing
 * its default fan-out must show. A new server is one more constant here.
 */
public enum ServerKind {
    SYNC("sync", SyncServer::startPlatform, DefaultFanOut.ONE_AFTER_ANOTHER),
    VIRTUAL("virtual", SyncServer::startVirtual, DefaultFanOut.ONE_AFTER_ANOTHER),
    ASYNC("async", iobench.server.async.AsyncServer::start, DefaultFanOut.ALL_AT_ONCE);

    /** How a server of this kind starts: the same signature for every kind. */
    @FunctionalInterface
    public interface Starter {
        RunningServer start(ServerSettings settings, int port);
    }

    /** What a request without {@code strategy} does with its K downstream calls of delay d. */
    public enum DefaultFanOut {
        /** Blocking code's default: K calls in a row, so at least K x d. */
        ONE_AFTER_ANOTHER,
        /** All K calls in flight together: at least d, and less than 2 x d. */
        ALL_AT_ONCE
    }

    private final String role;
    private final Starter starter;
    private final DefaultFanOut defaultFanOut;

    ServerKind(String role, Starter starter, DefaultFanOut defaultFanOut) {
        this.role = role;
        this.starter = starter;
        this.defaultFanOut = defaultFanOut;
    }

    public String role() {
        return role;
    }

    public RunningServer start(ServerSettings settings, int port) {
        return starter.start(settings, port);
    }

    /** Exact lower bound: the calls cannot be faster than the sim's delays allow. */
    public double expectedMinSeconds(int calls, double delaySeconds) {
        return switch (defaultFanOut) {
            case ONE_AFTER_ANOTHER -> calls * delaySeconds;
            case ALL_AT_ONCE -> delaySeconds;
        };
    }

    /**
     * Upper bound, exclusive. All at once must stay under two delays, or the calls did not overlap;
     * one after another gets a generous margin, since a shared 2-core machine stalls at times.
     */
    public double expectedMaxSeconds(int calls, double delaySeconds) {
        return switch (defaultFanOut) {
            case ONE_AFTER_ANOTHER -> 2 * calls * delaySeconds + 5;
            case ALL_AT_ONCE -> 2 * delaySeconds;
        };
    }
}
