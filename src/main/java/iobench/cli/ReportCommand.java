package iobench.cli;

import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.report.HtmlReport;
import iobench.report.summary.SummaryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The report directory; report.html is written into it.")
    Path dir;

    @Override
    public Integer call() {
        Path written;
        try {
            written = HtmlReport.write(dir);
        } catch (SummaryFile.NotASummaryException e) {
            throw ExitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw new ExitException(ExitCodes.CANNOT_RUN, "cannot write " + dir.resolve(HtmlReport.FILE) + ": " + e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + written);
        out.flush();
        return ExitCodes.OK;
    }
}
