package iobench.run;

import iobench.analysis.BenchReport;
import iobench.analysis.ScenarioSummary;
import iobench.core.ExitCodes;

/** The exit code a complete run's report earns, for bench and merge alike. */
public final class ReportVerdict {
    private ReportVerdict() {
    }

    /**
     * A scenario that is not valid wins over a broken threshold: the figures of a run that failed
     * are not to be trusted, so the thresholds judged on them say nothing about the service.
     */
    public static int exitCode(BenchReport report) {
        if (!report.scenarios().stream().allMatch(ScenarioSummary::valid)) {
            return ExitCodes.FAILED;
        }
        return report.brokenThresholds().isEmpty() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
}
