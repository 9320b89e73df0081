package iobench.bench.metrics;

import iobench.bench.contender.Secrets;
import iobench.core.ErrorKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures of one run by kind, with the first message of each kind: the count says how often,
 * the message says why ("downstream-io 50" alone does not tell a hung sim from a wrong URL).
 * Safe to add to from every load thread at once. Counted under each {@link ErrorKey}'s label,
 * the name the results give it, in the labels' order.
 */
public final class ErrorTally {
    /** Longest sample message kept: a line of a table, not a stack trace. */
    public static final int SAMPLE_CHARS = 120;

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();

    public void add(ErrorKey kind, int count, String message) {
        counts.merge(kind.label(), count, Integer::sum);
        samples.putIfAbsent(kind.label(), sample(message));
    }

    /**
     * Failures someone else tallied (a server's fan-out answer): its counts, and its messages as
     * they are, so that a kind it gave no message for has none here either.
     */
    public void addAll(Map<ErrorKey, Integer> kindCounts, Map<ErrorKey, String> kindSamples) {
        kindCounts.forEach((kind, count) -> counts.merge(kind.label(), count, Integer::sum));
        kindSamples.forEach((kind, message) -> samples.putIfAbsent(kind.label(), sample(message)));
    }

    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public Map<String, String> samples() {
        return new TreeMap<>(samples);
    }

    /** A message as reports show it: one line, at most {@link #SAMPLE_CHARS} characters. */
    public static String sample(String message) {
        // A token read from the environment is written back as ${NAME}: a service may echo it.
        String line = message == null ? "" : Secrets.redact(message).strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "(no message)";
        }
        return line.length() <= SAMPLE_CHARS ? line : line.substring(0, SAMPLE_CHARS - 3) + "...";
    }

    /** Every sample of {@code samples} made one line and short; null is none. */
    public static Map<String, String> samples(Map<String, String> samples) {
        Map<String, String> out = new TreeMap<>();
        if (samples != null) {
            samples.forEach((kind, message) -> out.put(kind, sample(message)));
        }
        return out;
    }
}
