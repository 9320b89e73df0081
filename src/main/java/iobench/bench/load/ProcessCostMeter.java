package iobench.bench.load;

import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.ProcFs;
import iobench.bench.metrics.RunCosts;
import iobench.http.StatsAnswer;
import java.net.URI;
import java.time.Duration;

/**
 * Costs of a server that runs alone in its own JVM: CPU time (ns, its process CPU clock),
 * allocation, heap and peak threads from the server's own {@code /stats}.
 */
public final class ProcessCostMeter implements CostMeter {
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);
    private final long pid;
    private final URI stats;
    private final URI reset;
    private final LoadClient client;
    private long cpuNsBefore;
    private long allocatedBefore;

    public ProcessCostMeter(long pid, URI baseUri, LoadClient client) {
        this.pid = pid;
        String base = baseUri.toString().replaceAll("/$", "");
        this.stats = URI.create(base + "/stats");
        this.reset = URI.create(base + "/stats/reset");
        this.client = client;
    }

    @Override
    public void start() {
        StatsAnswer s = read(client.post(reset, STATS_TIMEOUT));
        allocatedBefore = s.allocatedBytes();
        cpuNsBefore = cpuNs(s);
    }

    @Override
    public RunCosts stop(int calls) {
        StatsAnswer s = read(client.get(stats, STATS_TIMEOUT));
        long cpuNsAfter = cpuNs(s);
        double perCall = Math.max(1, calls);
        long allocatedAfter = s.allocatedBytes();
        double cpuMs = cpuNsBefore < 0 || cpuNsAfter < 0 ? Double.NaN : (cpuNsAfter - cpuNsBefore) / 1e6 / perCall;
        double allocKb = allocatedBefore < 0 || allocatedAfter < 0 ? Double.NaN
                : (allocatedAfter - allocatedBefore) / 1024.0 / perCall;
        long heap = s.heapUsedBytes();
        return new RunCosts(cpuMs, allocKb, s.peakThreads(), s.peakVirtualThreads(),
                heap < 0 ? Double.NaN : heap / (1024.0 * 1024.0), "process");
    }

    /**
     * The server's CPU time in ns as its JVM reports it (the process CPU clock, every thread, those
     * that ended too); the kernel's tick count ({@code /proc}, 10 ms) only where that is missing.
     */
    private long cpuNs(StatsAnswer stats) {
        long ns = stats.processCpuNs();
        return ns >= 0 ? ns : ProcFs.processCpuNs(pid);
    }

    private static StatsAnswer read(HttpResult result) {
        return result.answered() && result.status() == 200 ? StatsAnswer.read(result.body()) : StatsAnswer.NONE;
    }
}
