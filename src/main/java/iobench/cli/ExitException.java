package iobench.cli;

/** Ends a command with an exit code and one line for the user; never shown with a stack trace. */
public final class ExitException extends RuntimeException {
    private final int exitCode;

    public ExitException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static ExitException invalidInput(String message) {
        return new ExitException(ExitCodes.INVALID_INPUT, message);
    }
}
