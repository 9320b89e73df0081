package iobench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.report.HtmlCompare;
import iobench.report.RunComparison;
import iobench.report.SummaryJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two report directories of 'iobench bench' (their summary.json): every figure side by "
                + "side, the change, and whether it is beyond the noise (ranges over the repetitions, confidence "
                + "intervals of the speedups). Prints Markdown.",
        footerHeading = "%n",
        footer = {"Examples:",
            "  iobench compare reports/20250101-120000 reports/20250102-120000",
            "  iobench compare before after > compare.md",
            "  iobench compare before after --html compare.html",
            "",
            ExitCodes.HELP_SECTION})
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

    @Override
    public Integer call() {
        JsonNode summaryA = ReportDirs.read(a, SummaryJson::read);
        JsonNode summaryB = ReportDirs.read(b, SummaryJson::read);
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
        return ExitCodes.OK;
    }
}
