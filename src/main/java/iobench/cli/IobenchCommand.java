package iobench.cli;

import picocli.CommandLine.Command;

/** The root command only routes to its subcommands (the serve-* commands and completion are added in {@link Cli}). */
@Command(name = "iobench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // Every command's description and examples: kept as text, apart from the code (Cli adds the exit codes).
        resourceBundle = "iobench.cli.help",
        subcommands = {
            BenchCommand.class,
            CheckCommand.class,
            CompareCommand.class,
            MergeCommand.class,
            ReportCommand.class,
            HealthcheckCommand.class,
        })
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
