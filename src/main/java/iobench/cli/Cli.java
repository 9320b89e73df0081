package iobench.cli;

import iobench.config.SettingsLoader.SettingsException;
import iobench.http.ServerStartException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;

/**
 * Builds the {@link CommandLine} for {@code main} and for the tests, with the writers injected so
 * that tests can read what a command printed. Bad input ends in one line and exit code 2.
 */
public final class Cli {
    private Cli() {
    }

    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // Tests run commands without it: resetting JUL would take the test JVM's own logging away.
        return create(out, err).setExecutionStrategy(Logging::configuredThenRun).execute(args);
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new IobenchCommand());
        // Before the settings below: picocli applies them to the subcommands present when they are set.
        ServeCommand.SERVED.forEach(served -> cli.addSubcommand(ServeCommand.of(served)));
        cli.addSubcommand(new GenerateCompletion());
        // picocli gives a subcommand no version of its own: -V prints the root's everywhere.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(Cli::exitCodeOf);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("iobench: " + ex.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.INVALID_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            PrintWriter e = failed.getErr();
            int code = exitCodeOf(ex);
            if (code == ExitCodes.FAILED && !(ex instanceof ExitException)) {
                // A bug, not bad input: keep the stack trace for the report of it.
                e.println("iobench: unexpected error: " + ex);
                ex.printStackTrace(e);
            } else {
                e.println("iobench: " + ex.getMessage());
            }
            e.flush();
            return code;
        });
        return cli;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof ExitException exit) {
            return exit.exitCode();
        }
        if (ex instanceof SettingsException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (ex instanceof ServerStartException) {
            return ExitCodes.CANNOT_RUN;
        }
        return ExitCodes.FAILED;
    }
}
