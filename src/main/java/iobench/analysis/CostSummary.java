package iobench.analysis;

import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import java.util.List;

/**
 * What one server spent in one scenario, over its measured repetitions: per-call figures are the
 * totals over the repetitions divided by their calls, with the range of the repetitions' own
 * figures beside them; peaks are the highest of any run, the heap the median after the runs.
 * A per-call figure from too little work (fewer than {@link #MIN_CALLS} calls and less than
 * {@link #MIN_CPU_MS} of CPU in all) is not shown as a number: one GC or one late compilation
 * would be most of it.
 *
 * @param calls the downstream calls of the measured repetitions
 */
public record CostSummary(double cpuMsPerCall, double allocKbPerCall, int peakThreads, int peakVirtualThreads,
                          double heapUsedMb, String source, long calls, double cpuMsMin, double cpuMsMax,
                          double allocKbMin, double allocKbMax) {
    public static final long MIN_CALLS = 2_000;
    public static final double MIN_CPU_MS = 2_000;
    public static final String TOO_FEW = "too few calls";

    public static CostSummary of(List<RunResult> runs) {
        double cpu = weighted(runs, true);
        double alloc = weighted(runs, false);
        int peakThreads = runs.stream().mapToInt(r -> r.costs().peakThreads()).max().orElse(-1);
        int peakVirtual = runs.stream().mapToInt(r -> r.costs().peakVirtualThreads()).max().orElse(-1);
        double heap = Stat.of(runs.stream().mapToDouble(r -> r.costs().heapUsedMb()).toArray()).median();
        String source = runs.isEmpty() ? RunCosts.NOT_ATTRIBUTABLE : runs.get(0).costs().source();
        long calls = runs.stream().mapToLong(RunResult::calls).sum();
        Stat cpuRange = Stat.of(runs.stream().mapToDouble(r -> r.costs().cpuMsPerCall()).toArray());
        Stat allocRange = Stat.of(runs.stream().mapToDouble(r -> r.costs().allocKbPerCall()).toArray());
        return new CostSummary(cpu, alloc, peakThreads, peakVirtual, heap, source, calls, cpuRange.min(),
                cpuRange.max(), allocRange.min(), allocRange.max());
    }

    /** Whether the per-call figures rest on enough work to be shown as numbers. */
    public boolean enoughWork() {
        return calls >= MIN_CALLS || (!Double.isNaN(cpuMsPerCall) && cpuMsPerCall * calls >= MIN_CPU_MS);
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
