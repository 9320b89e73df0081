package iobench.scenario;

/** A scenario file that cannot be used; the message names the file, line, column and field. */
public final class ScenarioFileException extends RuntimeException {
    public ScenarioFileException(String message) {
        super(message);
    }
}
