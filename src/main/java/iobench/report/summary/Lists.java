package iobench.report.summary;

import java.util.Collections;
import java.util.List;

/** A list a file left out is an empty one; nulls inside are kept (a repetition without a capacity). */
final class Lists {
    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }
}
