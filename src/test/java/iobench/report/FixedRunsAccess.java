package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import iobench.analysis.Measurements;
import java.util.List;
import java.util.Map;

/** The fixed report of the golden tests, for tests in other packages. */
public final class FixedRunsAccess {
    private FixedRunsAccess() {
    }

    public static BenchReport report() {
        return Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }

    /** The same runs as a run stopped early for {@code reason}. */
    public static BenchReport incomplete(String reason) {
        var plan = FixedRuns.plan();
        return Analysis.analyse(plan, new Measurements(FixedRuns.runs(), plan.warmup(), List.of(), List.of(), reason,
                Map.of()), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }
}
