package iobench.cli;

import iobench.config.SettingsLoader.SettingsException;
import iobench.core.ExitCodes;
import iobench.core.ExitException;
import iobench.http.ServerStartException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

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
        describeCompletion(cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage());
        // picocli gives a subcommand no version of its own: -V prints the root's everywhere.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(Cli::exitCodeOf);
        // After every subcommand is added: picocli copies the map to the commands present.
        cli.setHelpSectionMap(footersAsWritten(cli.getHelpSectionMap()));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("iobench: " + ex.getMessage() + Suggestions.of(ex)
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

    /**
     * Footers printed line by line as written. picocli wraps them at the help width like prose,
     * which broke examples mid-URL; an example is one line to copy, however long.
     */
    private static Map<String, IHelpSectionRenderer> footersAsWritten(Map<String, IHelpSectionRenderer> sections) {
        Map<String, IHelpSectionRenderer> map = new LinkedHashMap<>(sections);
        map.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder text = new StringBuilder();
            List<String> footer = new ArrayList<>(List.of(help.commandSpec().usageMessage().footer()));
            // The exit codes after the examples, unless a command names its own (healthcheck, serve-*).
            if (!footer.isEmpty() && footer.stream().noneMatch(line -> line.startsWith("Exit codes"))) {
                footer.add("");
                footer.add(ExitCodes.HELP_SECTION);
            }
            for (String line : footer) {
                text.append(help.colorScheme().text(String.format(line))).append(System.lineSeparator());
            }
            return text.toString();
        });
        return map;
    }

    /** picocli's generate-completion, with examples and exit codes like every other command. */
    private static void describeCompletion(CommandLine.Model.UsageMessageSpec usage) {
        usage.footerHeading("%n").footer(
                "Examples:",
                "  iobench generate-completion > ~/.local/share/bash-completion/completions/iobench",
                "  source <(iobench generate-completion)      this shell only (bash or zsh)",
                "  make install                               installs it for bash and zsh with iobench",
                "",
                "Exit codes:",
                "  0    the script was printed",
                "  2    invalid input (an unknown option)");
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
