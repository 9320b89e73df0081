package iobench.cli;

import iobench.http.ServerRole;
import iobench.server.sync.SyncServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve-sync", mixinStandardHelpOptions = true,
        description = "Start the sync server: blocking handlers (Javalin) on a bounded Jetty thread pool.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-sync --threads 8",
            "  curl 'http://127.0.0.1:8002/benchmark/io-test?delay=0.2&concurrent=10'",
            "  iobench serve-sync --host 0.0.0.0 --sim-url http://sim:8001"})
final class ServeSyncCommand implements Callable<Integer> {
    @Mixin
    ServeOptions serve;

    @Mixin
    FanOutOptions fanOut;

    @Mixin
    SyncPoolOptions pools;

    @Override
    public Integer call() throws InterruptedException {
        return serve.serve(ServerRole.SYNC, fanOut.overrides().and(pools.overrides()), SyncServer::startPlatform);
    }
}
