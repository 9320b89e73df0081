package iobench.cli;

import iobench.core.ExitCodes;
import picocli.CommandLine.Command;

/** The root command only routes to its subcommands (the serve-* commands and completion are added in {@link Cli}). */
@Command(name = "iobench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measures how much an IO-bound service gains from async or virtual threads over "
                + "sync code on a bounded thread pool.",
        subcommands = {
            BenchCommand.class,
            CheckCommand.class,
            CompareCommand.class,
            MergeCommand.class,
            ReportCommand.class,
            HealthcheckCommand.class,
        },
        footerHeading = "%n",
        footer = {"Examples:",
            "  iobench bench                      run scenarios.yaml against embedded servers",
            "  iobench compare before after       two reports side by side, what changed beyond the noise",
            "  iobench report reports/DIR         write report.html again from a report directory",
            "  iobench merge --out DIR S1 S2 S3   one report from the segments of a run sent from several machines",
            "  iobench serve-sim                  start the IO simulation server on 127.0.0.1:8001",
            "  iobench serve-sync --threads 16    the sync server with 16 request threads",
            "",
            ExitCodes.HELP_SECTION})
public final class IobenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Read from the parse result by {@link Logging}; declared here so every command accepts it. */
    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log more: iobench and its libraries at info level (default: warnings only).")
    boolean verbose;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
