package iobench.config;

import iobench.core.ServerRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings given as command-line options: the last layer of {@link SettingsLoader}, winning
 * over file and environment. Null means "not given", so the layers below decide. Values stay as
 * the user typed them (seconds, a URL as text): {@link SettingsLoader} parses and checks every
 * layer the same way, so a bad option gets the same message as a bad line in the file.
 *
 * @param served the server whose port {@code port} is (each serve-* command listens as one role)
 */
public record SettingsOverrides(String host, ServerRole served, Integer port, Double maxDelayS, String simUrl,
                                Integer maxConcurrent, Double gateTimeoutS, Integer simBlockingThreads,
                                Integer syncThreads, Integer fanoutThreads, Integer asyncEventLoops) {

    public static final SettingsOverrides NONE =
            new SettingsOverrides(null, null, null, null, null, null, null, null, null, null, null);

    /** Where a serve-* command listens and the longest delay it accepts. */
    public static SettingsOverrides listen(String host, ServerRole served, Integer port, Double maxDelayS) {
        return new SettingsOverrides(host, served, port, maxDelayS, null, null, null, null, null, null, null);
    }

    /** The simulation server a fan-out server calls, and the largest fan-out it accepts. */
    public static SettingsOverrides fanOut(String simUrl, Integer maxConcurrent) {
        return new SettingsOverrides(null, null, null, null, simUrl, maxConcurrent, null, null, null, null, null);
    }

    /** The simulation server's own limits. */
    public static SettingsOverrides sim(Double gateTimeoutS, Integer simBlockingThreads) {
        return new SettingsOverrides(null, null, null, null, null, null, gateTimeoutS, simBlockingThreads, null, null,
                null);
    }

    /** The sync server's pools: request threads and the parallel fan-out's threads. */
    public static SettingsOverrides syncPools(Integer syncThreads, Integer fanoutThreads) {
        return new SettingsOverrides(null, null, null, null, null, null, null, null, syncThreads, fanoutThreads, null);
    }

    /** The async server's event loops. */
    public static SettingsOverrides eventLoops(Integer asyncEventLoops) {
        return new SettingsOverrides(null, null, null, null, null, null, null, null, null, null, asyncEventLoops);
    }

    /** These overrides with every value {@code other} gives laid over them. */
    public SettingsOverrides and(SettingsOverrides other) {
        return new SettingsOverrides(pick(host, other.host), other.port != null ? other.served : served,
                pick(port, other.port), pick(maxDelayS, other.maxDelayS), pick(simUrl, other.simUrl),
                pick(maxConcurrent, other.maxConcurrent), pick(gateTimeoutS, other.gateTimeoutS),
                pick(simBlockingThreads, other.simBlockingThreads), pick(syncThreads, other.syncThreads),
                pick(fanoutThreads, other.fanoutThreads), pick(asyncEventLoops, other.asyncEventLoops));
    }

    /** By settings key (the keys of config/iobench.yaml), the given values only. */
    public Map<String, Object> byKey() {
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("host", host);
        if (served != null) {
            keyed.put(served.label() + "-port", port);
        }
        keyed.put("max-delay-s", maxDelayS);
        keyed.put("sim-url", simUrl);
        keyed.put("max-concurrent", maxConcurrent);
        keyed.put("gate-timeout-s", gateTimeoutS);
        keyed.put("sim-blocking-threads", simBlockingThreads);
        keyed.put("sync-threads", syncThreads);
        keyed.put("fanout-threads", fanoutThreads);
        keyed.put("async-event-loops", asyncEventLoops);
        keyed.values().removeIf(java.util.Objects::isNull);
        return keyed;
    }

    private static <T> T pick(T under, T over) {
        return over != null ? over : under;
    }
}
