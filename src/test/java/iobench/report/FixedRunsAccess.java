package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;

/** The fixed report of the golden tests, for tests in other packages. */
public final class FixedRunsAccess {
    private FixedRunsAccess() {
    }

    public static BenchReport report() {
        return Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
    }
}
