package iobench.cli;

/** The exit codes of every command; documented in {@code --help} and the README. */
public final class ExitCodes {
    /** Done; every threshold met. */
    public static final int OK = 0;
    /** The run finished but a threshold was broken or a scenario failed. */
    public static final int FAILED = 1;
    /** Invalid input: an option, a setting, the scenario file or a report directory it cannot write. Nothing was run. */
    public static final int INVALID_INPUT = 2;
    /** The environment refused: a port in use, a server that did not start. */
    public static final int CANNOT_RUN = 3;
    /** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    public static final String HELP_SECTION = """
            Exit codes:
              0    done, every threshold met
              1    finished, but a threshold was broken or a run failed
              2    invalid input (option, setting, scenario file, unwritable --out); nothing ran
              3    could not run (port in use, server failed to start)
              130  interrupted (Ctrl-C, SIGTERM)""";

    private ExitCodes() {
    }
}
