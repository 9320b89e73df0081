package iobench.cli;

import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.RunningServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code serve-*} command does: layer the settings, start one server, print where it
 * listens, and on SIGINT/SIGTERM stop it within a few seconds.
 */
abstract class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one.")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A settings file (YAML, same keys as config/iobench.yaml) layered over the defaults.")
    Path config;

    @Option(names = "--max-delay", paramLabel = "SECONDS", description = "Largest delay a request may ask for (default 60).")
    Double maxDelayS;

    /** bench --isolate starts servers as child JVMs; they end with bench, even if bench is killed. */
    @Option(names = "--exit-with-parent", hidden = true, paramLabel = "PID")
    Long parentPid;

    /** The role and settings key prefix: sim, sync, async, virtual. */
    protected abstract String role();

    protected abstract RunningServer start(ServerSettings settings, int port);

    /** Option values of the subclass, by settings key; null values are skipped. */
    protected void overrides(Map<String, Object> overrides) {
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("host", host);
        overrides.put(role() + "-port", port);
        overrides.put("max-delay-s", maxDelayS);
        overrides(overrides);
        ServerSettings settings = SettingsLoader.load(config, System.getenv(), overrides);
        RunningServer server = start(settings, portOf(settings));
        try {
            // For `iobench healthcheck` (the container's HEALTHCHECK): the real port, when IOBENCH_HEALTH_FILE is set.
            HealthcheckCommand.announce(System.getenv(), server.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        spec.commandLine().getOut().println(server.describe());
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (parentPid != null) {
                    // A child of bench serves bench alone: when bench stops it, nobody awaits the
                    // answers in flight, so their calls end now instead of holding the stop.
                    server.cancelInFlight();
                }
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "iobench-shutdown"));
        if (parentPid != null) {
            ProcessHandle.of(parentPid).map(ProcessHandle::onExit)
                    .orElse(java.util.concurrent.CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(ExitCodes.OK));
        }
        stopped.await();
        return ExitCodes.OK;
    }

    private int portOf(ServerSettings s) {
        return switch (role()) {
            case "sim" -> s.simPort();
            case "sync" -> s.syncPort();
            case "async" -> s.asyncPort();
            case "virtual" -> s.virtualPort();
            default -> throw new IllegalStateException(role());
        };
    }

}
