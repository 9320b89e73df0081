package iobench.bench.contender;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the queueing model treats a contender: a pool of T threads serves blocking work in waves of
 * ceil(N/T) delays, as our sync server does; an async or virtual-thread server holds everything
 * at once, one wave.
 */
public enum TargetModel {
    POOL("pool"),
    ASYNC("async"),
    VIRTUAL("virtual");

    private final String label;

    TargetModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The model with this label (any case), or null. */
    public static TargetModel fromLabel(String text) {
        return Arrays.stream(values()).filter(m -> m.label.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElse(null);
    }

    /** "pool, async, virtual", for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(TargetModel::label).collect(Collectors.joining(", "));
    }
}
