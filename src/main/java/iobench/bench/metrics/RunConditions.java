package iobench.bench.metrics;

import java.util.Map;

/**
 * What the machine and the load generator were doing during a run: what tells a reader whether
 * a figure that misses its model was limited by the server or by something else.
 *
 * @param machineCpuPct     busy share of all cores of the machine over the run, 0..100
 * @param loadgenLagP99Ms   clients: how late, at p99, a client's first request left after the
 *                          start signal; 0 for fan-out (one request)
 * @param loadgenCpuMs      CPU the load generator's JVM used, where it can be told apart from
 *                          the servers (with --isolate); NaN otherwise
 * @param cpuSharePct       where the machine's CPU went: each part's (load generator, sim, each
 *                          server, JIT, GC) share of all cores over the run, 0..100 ({@link CpuAccounts})
 */
public record RunConditions(double machineCpuPct, double loadgenLagP99Ms, double loadgenCpuMs,
                            Map<String, Double> cpuSharePct) {
    public static final RunConditions UNKNOWN = new RunConditions(Double.NaN, Double.NaN, Double.NaN);

    public RunConditions {
        cpuSharePct = Map.copyOf(cpuSharePct);
    }

    public RunConditions(double machineCpuPct, double loadgenLagP99Ms, double loadgenCpuMs) {
        this(machineCpuPct, loadgenLagP99Ms, loadgenCpuMs, Map.of());
    }
}
