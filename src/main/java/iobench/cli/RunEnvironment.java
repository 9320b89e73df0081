package iobench.cli;

import iobench.scenario.BenchPlan;
import iobench.analysis.Environment;
import java.util.List;

/** Where a bench run ran: versions, machine, servers and how they were placed, for the report. */
final class RunEnvironment {
    private RunEnvironment() {
    }

    /** Read after the run: the peak resident memory is the run's. */
    static Environment of(BenchPlan plan, String startedAt, BenchSession.Setup setup, List<String> servers) {
        boolean isolate = setup.isolate();
        return new Environment(VersionProvider.version(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                plan.source(), startedAt, setup.commandLine(), servers, ResidentMemory.peakDescription(isolate),
                isolate ? "isolated: each server in its own JVM" : "in-process: servers and load generator in one JVM");
    }
}
