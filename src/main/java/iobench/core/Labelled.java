package iobench.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum that files, JSON, URLs and reports name by its constant in lower case with dashes
 * ({@code FAN_OUT} is "fan-out"), so that the label can never drift from the constant.
 */
public interface Labelled {
    String name();

    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} with this label (any case), or null. */
    static <E extends Enum<E> & Labelled> E fromLabel(Class<E> type, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(wanted)).findFirst().orElse(null);
    }

    /** "pool, async, virtual", for messages. */
    static String labels(Collection<? extends Labelled> constants) {
        return constants.stream().map(Labelled::label).collect(Collectors.joining(", "));
    }
}
