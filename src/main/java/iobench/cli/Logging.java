package iobench.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One logging backend for everything: SLF4J's simple logger on stderr. Helidon logs through
 * java.util.logging, so JUL is routed to SLF4J too; by default only warnings and errors show.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
