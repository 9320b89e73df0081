package iobench.report;

import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import java.util.List;

/**
 * What one server spent in one scenario, over its measured repetitions: per-call figures are
 * weighted by the calls of each run (so a coarse CPU clock averages out over the repetitions),
 * peaks are the highest of any run, the heap the median after the runs.
 */
public record CostSummary(double cpuMsPerCall, double allocKbPerCall, int peakThreads, int peakVirtualThreads,
                          double heapUsedMb, String source) {

    public static CostSummary of(List<RunResult> runs) {
        double cpu = weighted(runs, true);
        double alloc = weighted(runs, false);
        int peakThreads = runs.stream().mapToInt(r -> r.costs().peakThreads()).max().orElse(-1);
        int peakVirtual = runs.stream().mapToInt(r -> r.costs().peakVirtualThreads()).max().orElse(-1);
        double heap = Stat.of(runs.stream().mapToDouble(r -> r.costs().heapUsedMb()).toArray()).median();
        String source = runs.isEmpty() ? RunCosts.NOT_ATTRIBUTABLE : runs.get(0).costs().source();
        return new CostSummary(cpu, alloc, peakThreads, peakVirtual, heap, source);
    }

    private static double weighted(List<RunResult> runs, boolean cpu) {
        double sum = 0;
        long calls = 0;
        for (RunResult r : runs) {
            double perCall = cpu ? r.costs().cpuMsPerCall() : r.costs().allocKbPerCall();
            if (Double.isNaN(perCall)) {
                return Double.NaN;
            }
            sum += perCall * r.calls();
            calls += r.calls();
        }
        return calls == 0 ? Double.NaN : sum / calls;
    }
}
