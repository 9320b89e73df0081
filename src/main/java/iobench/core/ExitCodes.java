package iobench.core;

/** The exit codes of every command; documented in {@code --help} and the README. */
public final class ExitCodes {
    /** Done; every scenario valid, every threshold met, no regression beyond the limit. */
    public static final int OK = 0;
    /** A scenario was not valid or the run failed (cut short, its report not written). */
    public static final int FAILED = 1;
    /** Invalid input: an option, a setting, the scenario file or a report directory it cannot write. Nothing was run. */
    public static final int INVALID_INPUT = 2;
    /** The environment refused: a port in use, a server that did not start. */
    public static final int CANNOT_RUN = 3;
    /**
     * A CI gate failed on a run that is itself sound: a threshold of the scenario file was broken,
     * or {@code compare --max-regression} found a figure worse by more than the limit, beyond the noise.
     * Its own code, so that a pipeline can tell "slower than allowed" from "the run went wrong".
     */
    public static final int GATE_FAILED = 4;
    /** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    public static final String HELP_SECTION = """
            Exit codes:
              0    done, every scenario valid, every threshold met
              1    a scenario was not valid or the run failed (even if a threshold broke)
              2    invalid input (option, setting, scenario file, --out); nothing ran
              3    could not run (port in use, server failed to start)
              4    a gate failed: a threshold broken, or compare --max-regression found
                   a figure worse by more than the limit and beyond the noise
              130  interrupted (Ctrl-C, SIGTERM)""";

    private ExitCodes() {
    }
}
