package iobench.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a bench run: the first stops the load by interrupting the
 * running thread, which then writes the report of what finished; a second one exits at once.
 * The JVM's own handling would run shutdown hooks and exit, losing the runs that finished.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};
    private final AtomicInteger received = new AtomicInteger();
    private final Thread worker;
    private final PrintWriter err;
    private final java.util.Map<String, sun.misc.SignalHandler> previous = new java.util.HashMap<>();
    private volatile String signalName = "a signal";

    private StopSignals(Thread worker, PrintWriter err) {
        this.worker = worker;
        this.err = err;
    }

    /** Handles INT and TERM for the calling thread until closed. */
    static StopSignals install(PrintWriter err) {
        StopSignals stop = new StopSignals(Thread.currentThread(), err);
        for (String name : SIGNALS) {
            try {
                stop.previous.put(name, Signal.handle(new Signal(name), stop::onSignal));
            } catch (IllegalArgumentException unsupported) {
                // This platform has no such signal; the JVM's default stays.
            }
        }
        return stop;
    }

    private void onSignal(Signal signal) {
        if (received.incrementAndGet() == 1) {
            signalName = "SIG" + signal.getName();
            err.println();
            err.println("iobench: " + signalName + ": stopping the load and writing the report of what finished "
                    + "(press Ctrl-C again to quit at once)");
            err.flush();
            worker.interrupt();
        } else {
            err.println("iobench: quitting at once; no report");
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }

    String signalName() {
        return signalName;
    }

    @Override
    public void close() {
        previous.forEach((name, handler) -> {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException ignored) {
                // nothing to restore
            }
        });
    }
}
