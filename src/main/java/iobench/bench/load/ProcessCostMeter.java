package iobench.bench.load;

import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.ProcFs;
import iobench.bench.metrics.RunCosts;
import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.Json;
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
        JsonNode s = read(client.post(reset, STATS_TIMEOUT));
        allocatedBefore = s.path("allocated_bytes").asLong(-1);
        cpuNsBefore = cpuNs(s);
    }

    @Override
    public RunCosts stop(int calls) {
        JsonNode s = read(client.get(stats, STATS_TIMEOUT));
        long cpuNsAfter = cpuNs(s);
        double perCall = Math.max(1, calls);
        long allocatedAfter = s.path("allocated_bytes").asLong(-1);
        double cpuMs = cpuNsBefore < 0 || cpuNsAfter < 0 ? Double.NaN : (cpuNsAfter - cpuNsBefore) / 1e6 / perCall;
        double allocKb = allocatedBefore < 0 || allocatedAfter < 0 ? Double.NaN
                : (allocatedAfter - allocatedBefore) / 1024.0 / perCall;
        long heap = s.path("heap_used_bytes").asLong(-1);
        return new RunCosts(cpuMs, allocKb, s.path("peak_threads").asInt(-1), s.path("peak_virtual_threads").asInt(-1),
                heap < 0 ? Double.NaN : heap / (1024.0 * 1024.0), "process");
    }

    /**
     * The server's CPU time in ns as its JVM reports it (the process CPU clock, every thread, those
     * that ended too); the kernel's tick count ({@code /proc}, 10 ms) only where that is missing.
     */
    private long cpuNs(JsonNode stats) {
        long ns = stats.path("process_cpu_ns").asLong(-1);
        return ns >= 0 ? ns : ProcFs.processCpuNs(pid);
    }

    private static JsonNode read(HttpResult result) {
        try {
            return result.answered() && result.status() == 200 ? Json.MAPPER.readTree(result.body()) : Json.object();
        } catch (Exception e) {
            return Json.object();
        }
    }
}
