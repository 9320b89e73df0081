package iobench.bench.metrics;

/**
 * What one run cost the server, per downstream call. NaN or -1 where the figure cannot be told
 * apart from the rest of the JVM (virtual threads share carrier threads with the load generator
 * when everything runs in one JVM); {@code source} says how the figures were taken.
 *
 * @param cpuMsPerCall       CPU time the server used, per downstream call
 * @param allocKbPerCall     heap allocated by the server, per downstream call
 * @param peakThreads        the most live platform threads the server had at once during the run
 * @param peakVirtualThreads the most live virtual threads it had at once
 * @param heapUsedMb         the server's heap in use right after the run (its own JVM only)
 * @param source             "threads" (by thread name, one JVM), "process" (its own JVM), or why not
 */
public record RunCosts(double cpuMsPerCall, double allocKbPerCall, int peakThreads, int peakVirtualThreads,
                       double heapUsedMb, String source) {
    public static final String NOT_ATTRIBUTABLE = "n/a (use --isolate)";
    public static final RunCosts NONE = new RunCosts(Double.NaN, Double.NaN, -1, -1, Double.NaN, NOT_ATTRIBUTABLE);
}
