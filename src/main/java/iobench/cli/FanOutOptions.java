package iobench.cli;

import iobench.config.SettingsOverrides;
import picocli.CommandLine.Option;

/** The servers that fan out to the sim (serve-sync, serve-async, serve-virtual) share these. */
final class FanOutOptions implements SettingsOptions {
    /** Text, not a URI: the settings check it as they check the file's sim-url, with the same message. */
    @Option(names = "--sim-url", paramLabel = "URL",
            description = "Base URL of the simulation server (default http://127.0.0.1:8001). Never taken from a request.")
    String simUrl;

    @Option(names = "--max-concurrent", paramLabel = "K", description = "Largest fan-out a request may ask for (default 1000).")
    Integer maxConcurrent;

    @Override
    public SettingsOverrides overrides() {
        return SettingsOverrides.fanOut(simUrl, maxConcurrent);
    }
}
