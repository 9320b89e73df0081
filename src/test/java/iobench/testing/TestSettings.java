package iobench.testing;

import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings for servers under test: bound to 127.0.0.1, read from the shipped defaults only (the
 * environment of the machine running the tests is ignored), with the given overrides by key.
 */
public final class TestSettings {
    private TestSettings() {
    }

    /** The shipped defaults alone: no settings file, no environment, nothing overridden. */
    public static ServerSettings defaults() {
        return SettingsLoader.load(null, Map.of(), SettingsOverrides.NONE);
    }

    public static ServerSettings loopback(Map<String, ?> overrides) {
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("host", "127.0.0.1");
        return SettingsLoader.load(null, Map.of(), all);
    }

    public static ServerSettings loopback() {
        return loopback(Map.of());
    }

    /** Settings of a fan-out server that calls the sim at {@code simUrl}. */
    public static ServerSettings calling(URI simUrl, Map<String, ?> overrides) {
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("sim-url", simUrl.toString());
        return loopback(all);
    }

    public static ServerSettings calling(URI simUrl) {
        return calling(simUrl, Map.of());
    }
}
