package iobench.bench.metrics;

import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Two segments' shares of one run, each on a machine of its own: the busier machine and the
     * later generator speak for the run (so that a run any segment's generator limited stays one),
     * the generators' CPU summed, each part's CPU share the larger.
     */
    public RunConditions add(RunConditions other) {
        Map<String, Double> shares = new TreeMap<>(cpuSharePct);
        other.cpuSharePct.forEach((part, pct) -> shares.merge(part, pct, Math::max));
        return new RunConditions(maxKnown(machineCpuPct, other.machineCpuPct),
                maxKnown(loadgenLagP99Ms, other.loadgenLagP99Ms), loadgenCpuMs + other.loadgenCpuMs, shares);
    }

    /** The larger of two figures, either of which may be unknown (NaN); NaN when both are. */
    private static double maxKnown(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
