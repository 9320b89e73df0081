package iobench.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * One logging backend for everything: SLF4J's simple logger on stderr. Helidon logs through
 * java.util.logging, so JUL is routed to SLF4J too; by default only warnings and errors show.
 */
final class Logging {
    private Logging() {
    }

    /**
     * picocli's execution strategy for {@code main}: logging is configured from the parsed
     * {@code -v} (on whichever command it was given), then the command runs. Parsing creates no
     * logger, so the level is set before the first one exists.
     */
    static int configuredThenRun(ParseResult parsed) {
        configure(verbose(parsed));
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            if (command.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
