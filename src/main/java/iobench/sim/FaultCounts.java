package iobench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many {@code /slow-io} and {@code /slow-io-sync} requests the sim has drawn since it started,
 * by what it drew for them: an answer, an injected 500 or 503, a hang or a reset. A client can
 * then match what it saw against what the sim did (the long soak test does, call for call).
 * Counted when the draw is made, so a request still waiting for its delay is already counted.
 */
final class FaultCounts {
    private final Map<Fault, LongAdder> counts = new EnumMap<>(Fault.class);

    FaultCounts() {
        for (Fault fault : Fault.values()) {
            counts.put(fault, new LongAdder());
        }
    }

    void record(Fault fault) {
        counts.get(fault).increment();
    }

    long count(Fault fault) {
        return counts.get(fault).sum();
    }

    /** {@code {"total", "ok", "injected-500", "injected-503", "hang", "reset"}}. */
    void writeTo(ObjectNode node) {
        long total = 0;
        for (Fault fault : Fault.values()) {
            total += count(fault);
        }
        node.put("total", total);
        for (Fault fault : Fault.values()) {
            node.put(label(fault), count(fault));
        }
    }

    static String label(Fault fault) {
        return switch (fault) {
            case NONE -> "ok";
            case ERROR_500 -> "injected-500";
            case UNAVAILABLE_503 -> "injected-503";
            case HANG -> "hang";
            case RESET -> "reset";
        };
    }
}
