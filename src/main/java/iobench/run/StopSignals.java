package iobench.run;

import iobench.core.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a bench run: the first stops the load by interrupting the
 * running thread and cancelling what is in flight, so that the thread writes the report of what
 * finished at once; a second one exits at once.
 * The JVM's own handling would run shutdown hooks and exit, losing the runs that finished.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};
    private final AtomicInteger received = new AtomicInteger();
    private final Thread worker;
    private final PrintWriter err;
    private final Runnable cancelInFlight;
    private final java.util.Map<String, sun.misc.SignalHandler> previous = new java.util.HashMap<>();
    private volatile String signalName = "a signal";

    private StopSignals(Thread worker, PrintWriter err, Runnable cancelInFlight) {
        this.worker = worker;
        this.err = err;
        this.cancelInFlight = cancelInFlight;
    }

    /**
     * Handles INT and TERM for the calling thread until closed.
     *
     * @param cancelInFlight run on the first signal, after the interrupt: ends the calls in flight,
     *                       which an interrupt alone does not (blocking socket reads ignore it)
     */
    static StopSignals install(PrintWriter err, Runnable cancelInFlight) {
        StopSignals stop = new StopSignals(Thread.currentThread(), err, cancelInFlight);
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
            // Interrupt first: a run that fails because its calls were cancelled must find its
            // thread interrupted, or it would be counted as a run with failures.
            worker.interrupt();
            try {
                cancelInFlight.run();
            } catch (RuntimeException e) {
                err.println("iobench: cancelling the calls in flight failed: " + e);
                err.flush();
            }
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
        if (received.get() > 0) {
            // Stopping already: the process ends with 130 once the report is written, and a second
            // signal meanwhile must still quit at once with 130. Restored, the JVM's own handler
            // would take it instead (SIGTERM: shutdown hooks and exit 143).
            return;
        }
        previous.forEach((name, handler) -> {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException ignored) {
                // nothing to restore
            }
        });
    }
}
