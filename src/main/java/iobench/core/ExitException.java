package iobench.core;

import java.util.function.Supplier;

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

    /**
     * What {@code parse} returns; its IllegalArgumentException, whose message names the value and
     * the form expected, ends the command as invalid input.
     */
    public static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw invalidInput(e.getMessage());
        }
    }
}
