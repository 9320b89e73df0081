package iobench.cli;

import iobench.config.SettingsOverrides;
import picocli.CommandLine.Option;

/** The async server's event loops, for serve-async and for the async server bench starts. */
final class EventLoopOptions implements SettingsOptions {
    @Option(names = "--event-loops", paramLabel = "N",
            description = "Netty event-loop threads of the async server iobench starts, for the server and for its "
                    + "client each (default 2).")
    Integer eventLoops;

    @Override
    public SettingsOverrides overrides() {
        return SettingsOverrides.eventLoops(eventLoops);
    }
}
