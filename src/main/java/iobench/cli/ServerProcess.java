package iobench.cli;

import iobench.config.ServerSettings;
import iobench.core.ExitCodes;
import iobench.http.RunningServer;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The life of a {@code serve-*} process: start one server, print where it listens, and on
 * SIGINT/SIGTERM (or, for a child of bench, when bench ends) stop it within a few seconds.
 */
final class ServerProcess {
    /** Starts a server of one kind: SimServer::start, SyncServer::startPlatform... */
    @FunctionalInterface
    interface Factory {
        RunningServer start(ServerSettings settings, int port);
    }

    private ServerProcess() {
    }

    /**
     * One collection once the server is up, before it says where it listens: start-up (class
     * loading, the settings, the frameworks) leaves 40-70 MB of garbage in pages the process keeps
     * until a collection gives them back, so an idle server's RSS depended on whether the JVM
     * happened to collect during start-up (docs/performance.md, section 3). G1 returns the free
     * heap after this collection; a load grows it again while it is warmed up, before it is measured.
     */
    private static void collectStartUpGarbage() {
        System.gc();
    }

    /** @param parentPid the bench that started this server as its child, or null */
    static int run(Supplier<RunningServer> start, Long parentPid, PrintWriter out) throws InterruptedException {
        RunningServer server = start.get();
        try {
            // For the container's health check (/app/healthcheck.sh) and `iobench healthcheck`: the real port, when IOBENCH_HEALTH_FILE is set.
            HealthcheckCommand.announce(System.getenv(), server.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        collectStartUpGarbage();
        out.println(server.describe());
        out.flush();
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
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(ExitCodes.OK));
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
