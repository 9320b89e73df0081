package iobench.cli;

import iobench.config.SettingsOverrides;
import picocli.CommandLine.Option;

/** The sync server's two pools, for serve-sync and for the sync server bench starts. */
final class SyncPoolOptions implements SettingsOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Request threads of the sync server iobench starts: requests handled at once (default 8, "
                    + "like Gunicorn's 4 workers x 2 threads).")
    Integer threads;

    @Option(names = "--fanout-threads", paramLabel = "N",
            description = "Platform threads of the sync server iobench starts, for the 'parallel' fan-out strategy "
                    + "(default 32).")
    Integer fanoutThreads;

    @Override
    public SettingsOverrides overrides() {
        return SettingsOverrides.syncPools(threads, fanoutThreads);
    }
}
