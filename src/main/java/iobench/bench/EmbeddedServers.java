package iobench.bench;

import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.CpuAccounts;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.ThreadNameCostMeter;
import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.http.RuntimeStats;
import iobench.core.ServerRole;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The servers a bench run starts in its own JVM, each on a free port of 127.0.0.1. */
public final class EmbeddedServers implements ServerSet {
    /** Copy-on-write: {@link #cancelInFlight()} runs on the signal's thread, maybe while close() runs. */
    private final List<RunningServer> running = new CopyOnWriteArrayList<>();
    private final Targets targets;

    /**
     * @param externalSim a sim already running elsewhere, or null to start one here
     * @param roles       the servers to start here
     */
    public EmbeddedServers(ServerSettings settings, URI externalSim, Set<ServerRole> roles) {
        this(settings, externalSim, roles, true);
    }

    /**
     * @param simNeeded whether to start a sim when none is given; a run of named targets alone
     *                  ({@link BenchPlan#needsSim()}) has none then, and {@link Targets#simUrl()} is null
     */
    public EmbeddedServers(ServerSettings settings, URI externalSim, Set<ServerRole> roles, boolean simNeeded) {
        if (!simNeeded && !roles.isEmpty()) {
            throw new IllegalArgumentException("our servers " + roles + " call the sim: it is needed");
        }
        try {
            URI simUrl = externalSim;
            if (simUrl == null && simNeeded) {
                RunningServer sim = SimServer.start(settings, 0);
                running.add(sim);
                simUrl = sim.baseUri();
            }
            // Our servers call the sim; without them there may be none.
            ServerSettings wired = roles.isEmpty() ? settings : settings.withSimUrl(simUrl);
            Map<ServerRole, URI> servers = new EnumMap<>(ServerRole.class);
            for (ServerRole role : roles) {
                RunningServer server = switch (role) {
                    case SYNC -> SyncServer.startPlatform(wired, 0);
                    case ASYNC -> AsyncServer.start(wired, 0);
                    case VIRTUAL -> SyncServer.startVirtual(wired, 0);
                    case SIM -> throw new IllegalArgumentException("the sim is started above, not as a contender");
                };
                running.add(server);
                servers.put(role, server.baseUri());
            }
            this.targets = new Targets(simUrl, servers);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Targets targets() {
        return targets;
    }

    /**
     * Platform threads are told apart by name ({@code sync-}, {@code async-}). The virtual server's
     * request threads run on carrier threads it shares with the load generator, so its CPU and
     * allocation cannot be told apart here: only its threads are counted.
     */
    @Override
    public CostMeter meter(ServerRole role, LoadClient client) {
        return switch (role) {
            case SYNC, ASYNC, SIM -> new ThreadNameCostMeter(role.label() + "-", null);
            case VIRTUAL -> new VirtualThreadsMeter();
        };
    }

    /** Counts the virtual server's threads; its CPU and allocation are n/a in a shared JVM. */
    private static final class VirtualThreadsMeter implements CostMeter {
        private final ThreadNameCostMeter platform = new ThreadNameCostMeter("virtual-platform", RuntimeStats::peakVirtualThreads);

        @Override
        public void start() {
            RuntimeStats.resetPeakVirtualThreads();
            platform.start();
        }

        @Override
        public RunCosts stop(int calls) {
            RunCosts counted = platform.stop(calls);
            return new RunCosts(Double.NaN, Double.NaN, counted.peakThreads(), counted.peakVirtualThreads(), Double.NaN,
                    RunCosts.NOT_ATTRIBUTABLE);
        }

        @Override
        public void close() {
            platform.close();
        }
    }

    @Override
    public CpuAccounts cpuAccounts() {
        return CpuAccounts.threadsOfThisJvm();
    }

    @Override
    public List<String> descriptions() {
        return running.stream().map(RunningServer::describe).toList();
    }

    @Override
    public void cancelInFlight() {
        // In close()'s order, the sim (started first) last: the fan-out servers' calls to it end first.
        List.copyOf(running).reversed().forEach(RunningServer::cancelInFlight);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (RuntimeException ignored) {
                // Closing the others matters more than the reason one failed to close.
            }
        }
        running.clear();
    }
}
