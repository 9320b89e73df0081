package iobench.cli;

import iobench.config.SettingsOverrides;
import picocli.CommandLine.Option;

/** The async server's event loops, for serve-async and for the async server bench starts. */
final class EventLoopOptions {
    @Option(names = "--event-loops", paramLabel = "N",
            description = "The async server's Netty event-loop threads, for the server and for its client each "
                    + "(default 2).")
    Integer eventLoops;

    SettingsOverrides overrides() {
        return SettingsOverrides.eventLoops(eventLoops);
    }
}
