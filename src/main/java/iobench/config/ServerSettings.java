package iobench.config;

import iobench.core.ServerRole;
import java.net.URI;
import java.time.Duration;

/**
 * Every setting a server reads, after all layers (jar defaults, file, environment, options)
 * were applied. Validated once here, so a server never starts with a nonsense value.
 */
public record ServerSettings(
        String host,
        int simPort,
        int syncPort,
        int asyncPort,
        int virtualPort,
        URI simUrl,
        long maxDelayMs,
        int maxConcurrent,
        long gateTimeoutMs,
        int simBlockingThreads,
        int syncThreads,
        int fanoutThreads,
        int asyncEventLoops,
        long downstreamTimeoutExtraMs,
        long idleTimeoutMs) {

    public ServerSettings {
        require(host != null && !host.isBlank(), "host", host, "a host name or address");
        for (int port : new int[] {simPort, syncPort, asyncPort, virtualPort}) {
            require(port >= 0 && port <= 65535, "port", port, "0..65535 (0 picks a free port)");
        }
        require(simUrl != null && ("http".equals(simUrl.getScheme())) && simUrl.getHost() != null,
                "sim-url", simUrl, "an http:// URL such as http://127.0.0.1:8001");
        require(maxDelayMs >= 0 && maxDelayMs <= Duration.ofHours(1).toMillis(), "max-delay-s", maxDelayMs / 1000.0,
                "0..3600");
        require(maxConcurrent >= 1 && maxConcurrent <= 100_000, "max-concurrent", maxConcurrent, "1..100000");
        require(gateTimeoutMs >= 1 && gateTimeoutMs <= Duration.ofHours(1).toMillis(), "gate-timeout-s",
                gateTimeoutMs / 1000.0, "0.001..3600");
        require(simBlockingThreads >= 1 && simBlockingThreads <= 10_000, "sim-blocking-threads", simBlockingThreads,
                "1..10000");
        require(syncThreads >= 1 && syncThreads <= 10_000, "sync-threads", syncThreads, "1..10000");
        require(fanoutThreads >= 1 && fanoutThreads <= 10_000, "fanout-threads", fanoutThreads, "1..10000");
        require(asyncEventLoops >= 1 && asyncEventLoops <= 1024, "async-event-loops", asyncEventLoops, "1..1024");
        require(downstreamTimeoutExtraMs >= 0 && downstreamTimeoutExtraMs <= 600_000, "downstream-timeout-extra-s",
                downstreamTimeoutExtraMs / 1000.0, "0..600");
        require(idleTimeoutMs >= 100 && idleTimeoutMs <= 3_600_000, "idle-timeout-s", idleTimeoutMs / 1000.0,
                "0.1..3600");
    }

    private static void require(boolean ok, String key, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("setting " + key + " = " + value + " is invalid; allowed: " + allowed);
        }
    }

    /** The port the settings give this server. */
    public int port(ServerRole role) {
        return switch (role) {
            case SIM -> simPort;
            case SYNC -> syncPort;
            case ASYNC -> asyncPort;
            case VIRTUAL -> virtualPort;
        };
    }

    /** Per downstream call: the delay asked plus the configured slack. */
    public Duration downstreamTimeout(long delayMs) {
        return Duration.ofMillis(delayMs + downstreamTimeoutExtraMs);
    }

    /**
     * How long a fan-out server's client keeps an idle pooled downstream connection: half the idle
     * timeout the sim runs with (the same setting), so the client always lets go first. A client that
     * kept it longer could send a call on a connection the sim is closing that moment: a reset.
     */
    public long pooledConnectionIdleMs() {
        return Math.max(50, idleTimeoutMs / 2);
    }

    /** The same settings, calling another simulation server (the bench wires its embedded sim in). */
    public ServerSettings withSimUrl(URI newSimUrl) {
        return new ServerSettings(host, simPort, syncPort, asyncPort, virtualPort, newSimUrl, maxDelayMs,
                maxConcurrent, gateTimeoutMs, simBlockingThreads, syncThreads, fanoutThreads, asyncEventLoops,
                downstreamTimeoutExtraMs, idleTimeoutMs);
    }
}
