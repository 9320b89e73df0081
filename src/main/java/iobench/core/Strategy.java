package iobench.core;

import java.util.Arrays;
import java.util.List;

/**
 * How a blocking server makes a request's K downstream calls: the {@code strategy} of a scenario
 * file, of the io-test URL ({@code strategy=sequential}) and of the reports. The async server takes
 * none: it always fans out at once.
 */
public enum Strategy implements Labelled {
    /** One call after another on the request thread: K calls take K delays. */
    SEQUENTIAL,
    /** All K calls at once through the server's fan-out pool: waves of one delay. */
    PARALLEL;

    /** "sequential", "parallel": what a file or URL may say. */
    public static final List<String> LABELS = Arrays.stream(values()).map(Labelled::label).toList();

    /** The strategy with this label (any case), or null. */
    public static Strategy of(String label) {
        return Labelled.fromLabel(Strategy.class, label);
    }
}
