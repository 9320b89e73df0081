package iobench.cli;

import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.report.HtmlCompare;
import iobench.report.RegressionGate;
import iobench.report.RunComparison;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The report directory to compare from (the baseline).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The report directory to compare with it.")
    Path b;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the comparison as one self-contained HTML page with charts (A dashed, B solid; "
                    + "figures beyond the noise highlighted).")
    Path html;

    @Option(names = "--max-regression", paramLabel = "PCT",
            description = "A CI gate: end with exit code 4 when any throughput of B is lower than A's, or any duration "
                    + "or p99 higher, by more than PCT percent (0 to 1000, e.g. 10) and beyond the noise (the two "
                    + "ranges over the repetitions apart: the table's 'beyond noise' yes). Needs 2 or more repetitions "
                    + "on both sides; the figures it could not judge are counted on stderr. Exit code 1 instead when B "
                    + "is INCOMPLETE or holds a scenario not valid: a run that failed passes no gate.")
    String maxRegression;

    @Override
    public Integer call() {
        Double limitPct = maxRegression == null ? null
                : ExitException.parsed(() -> RegressionGate.parseLimitPct(maxRegression));
        Summary summaryA = ReportDirs.read(a, SummaryFile::read);
        Summary summaryB = ReportDirs.read(b, SummaryFile::read);
        PrintWriter out = spec.commandLine().getOut();
        out.print(RunComparison.document(summaryA, summaryB, a.toString(), b.toString()));
        out.flush();
        if (html != null) {
            try {
                HtmlCompare.write(a, b, a.toString(), b.toString(), html);
            } catch (java.io.IOException e) {
                throw new ExitException(ExitCodes.CANNOT_RUN, "cannot write " + html + ": " + e);
            }
        }
        if (limitPct == null) {
            return ExitCodes.OK;
        }
        RegressionGate.Verdict verdict = RegressionGate.check(summaryA, summaryB, limitPct);
        PrintWriter err = spec.commandLine().getErr();
        verdict.lines().forEach(line -> err.println("iobench: " + line));
        err.flush();
        // As in bench: a run that is not sound is exit 1 whatever its figures, not a failed gate.
        return !verdict.sound() ? ExitCodes.FAILED : verdict.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
}
