package iobench.bench;

import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.CpuAccounts;
import iobench.core.ServerRole;
import java.util.List;

/** The servers a bench run started itself, in this JVM or as child JVMs, and how to meter them. */
public interface ServerSet extends AutoCloseable {
    Targets targets();

    /** One line per server: what it is and where it listens. */
    List<String> descriptions();

    /** How this set can tell what the server of {@code role} spends during a run. */
    CostMeter meter(ServerRole role, LoadClient client);

    /** How to tell where the machine's CPU goes during a run (load generator, sim, servers). */
    CpuAccounts cpuAccounts();
    /**
     * Bench is stopping (Ctrl-C): every server's downstream calls in flight end at once, so that
     * {@link #close()} does not wait for them. Returns at once; may run on any thread.
     */
    void cancelInFlight();

    /** Stops every server of the set; never throws. */
    @Override
    void close();
}
