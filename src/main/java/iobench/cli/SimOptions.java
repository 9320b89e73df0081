package iobench.cli;

import iobench.config.SettingsOverrides;
import picocli.CommandLine.Option;

/** The simulation server's own limits (serve-sim). */
final class SimOptions implements SettingsOptions {
    @Option(names = "--gate-timeout", paramLabel = "SECONDS",
            description = "How long /concurrency/block waits for a release before it answers 504 (default 30).")
    Double gateTimeoutS;

    @Option(names = "--blocking-threads", paramLabel = "N",
            description = "Threads of the pool behind /slow-io-sync (default 40).")
    Integer blockingThreads;

    @Override
    public SettingsOverrides overrides() {
        return SettingsOverrides.sim(gateTimeoutS, blockingThreads);
    }
}
