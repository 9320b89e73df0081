package iobench.cli;

import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.config.SettingsOverrides;
import iobench.core.ServerRole;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code serve-*} command accepts: where to listen, the settings file, the delay cap. */
final class ServeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one.")
    Integer port;

    @Mixin
    ConfigOption config;

    @Option(names = "--max-delay", paramLabel = "SECONDS", description = "Largest delay a request may ask for (default 60).")
    Double maxDelayS;

    /** bench --isolate starts servers as child JVMs; they end with bench, even if bench is killed. */
    @Option(names = "--exit-with-parent", hidden = true, paramLabel = "PID")
    Long parentPid;

    /**
     * Layers the settings, with {@code more} (the command's own options) over these, and serves
     * as {@code role} until stopped.
     */
    int serve(ServerRole role, SettingsOverrides more, ServerProcess.Factory factory) throws InterruptedException {
        SettingsOverrides given = SettingsOverrides.listen(host, role, port, maxDelayS).and(more);
        ServerSettings settings = SettingsLoader.load(config.file(), System.getenv(), given);
        return ServerProcess.run(() -> factory.start(settings, settings.port(role)), parentPid,
                command.commandLine().getOut());
    }
}
