package iobench.bench.contender;

import iobench.core.Labelled;
import java.util.Arrays;

/**
 * How the queueing model treats a contender: a pool of T threads serves blocking work in waves of
 * ceil(N/T) delays, as our sync server does; an async or virtual-thread server holds everything
 * at once, one wave.
 */
public enum TargetModel implements Labelled {
    POOL,
    ASYNC,
    VIRTUAL;

    /** The model with this label (any case), or null. */
    public static TargetModel fromLabel(String text) {
        return Labelled.fromLabel(TargetModel.class, text);
    }

    /** "pool, async, virtual", for messages. */
    public static String labels() {
        return Labelled.labels(Arrays.asList(values()));
    }
}
