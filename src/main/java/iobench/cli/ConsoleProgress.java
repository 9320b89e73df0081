package iobench.cli;

import iobench.scenario.Progress;
import iobench.scenario.ProgressStep;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a bench run on the console: a progress bar on a terminal; when the output goes to
 * a file or a CI log, one plain line per scenario instead of a bar redrawn in place.
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String lastScenario = "";
    private int total;
    private int done;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void begin(int totalRuns) {
        total = totalRuns;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("bench")
                    .setInitialMax(totalRuns)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .hideEta()
                    .build();
        }
    }

    @Override
    public void step(ProgressStep step) {
        if (bar != null) {
            if (done > 0) {
                bar.step();
            }
            bar.setExtraMessage(step.label());
        } else {
            String scenario = step.scenario();
            if (!scenario.equals(lastScenario)) {
                err.printf("[%d/%d] %s%n", done + 1, total, scenario);
                err.flush();
                lastScenario = scenario;
            }
        }
        done++;
    }

    @Override
    public void end() {
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
        }
    }

    /** Whether stdout is an interactive terminal (Java 22+ returns a console even when redirected). */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
