package iobench.run;

import iobench.analysis.Environment;
import iobench.scenario.BenchPlan;
import java.util.List;

/** Where a bench run ran: versions, machine, servers and how they were placed, for the report. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    /** This jar's version, from its manifest; "dev" where there is none (classes run from the build tree). */
    public static String version() {
        String v = RunEnvironment.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Read after the run: the peak resident memory is the run's. */
    static Environment of(BenchPlan plan, String startedAt, BenchSession.Setup setup, List<String> servers) {
        boolean isolate = setup.isolate();
        return of(plan.source(), startedAt, setup.commandLine(), servers, ResidentMemory.peakDescription(isolate),
                isolate ? "isolated: each server in its own JVM" : "in-process: servers and load generator in one JVM");
    }

    /** This JVM and machine, with what the run says of itself. */
    static Environment of(String source, String startedAt, String commandLine, List<String> servers,
                          String peakResidentMemory, String placement) {
        return new Environment(version(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " (" + System.getProperty("os.arch") + ")",
                source, startedAt, commandLine, servers, peakResidentMemory, placement);
    }
}
