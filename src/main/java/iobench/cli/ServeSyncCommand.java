package iobench.cli;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve-sync", mixinStandardHelpOptions = true,
        description = "Start the sync server: blocking handlers (Javalin) on a bounded Jetty thread pool.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-sync --threads 8",
            "  curl 'http://127.0.0.1:8002/benchmark/io-test?delay=0.2&concurrent=10'",
            "  iobench serve-sync --host 0.0.0.0 --sim-url http://sim:8001"})
final class ServeSyncCommand extends BenchServerCommand {
    @Option(names = "--threads", paramLabel = "N",
            description = "Requests handled at once (default 8, like Gunicorn's 4 workers x 2 threads).")
    Integer threads;

    @Option(names = "--fanout-threads", paramLabel = "N",
            description = "Platform threads for the 'parallel' fan-out strategy (default 32).")
    Integer fanoutThreads;

    @Override
    protected String role() {
        return "sync";
    }

    @Override
    protected void moreOverrides(Map<String, Object> overrides) {
        overrides.put("sync-threads", threads);
        overrides.put("fanout-threads", fanoutThreads);
    }

    @Override
    protected RunningServer start(ServerSettings settings, int port) {
        return SyncServer.startPlatform(settings, port);
    }
}
