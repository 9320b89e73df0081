package iobench.bench.contender;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a target's URL, headers or body: read from the environment once, when the
 * scenario file or command line is read, so that a token stays out of files. Every value read is
 * remembered, and {@link #redact} writes it back as {@code ${NAME}} wherever a message could carry
 * it into a report, segment file or log (an error that quotes a URL, a body the service echoed).
 */
public final class Secrets {
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Value to its reference; values shorter than this are not worth redacting (and would mangle text). */
    private static final int MIN_REDACTED_CHARS = 4;
    private static final Map<String, String> READ = new ConcurrentHashMap<>();

    private Secrets() {
    }

    /**
     * The value of environment variable {@code name}, remembered for {@link #redact}.
     *
     * @throws IllegalArgumentException naming the variable when it is not set
     */
    static String read(String name, UnaryOperator<String> environment) {
        String value = environment.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("${" + name + "} names an environment variable that is not set; "
                    + "expected it exported before the run (export " + name + "=...)");
        }
        if (value.length() >= MIN_REDACTED_CHARS) {
            READ.put(value, "${" + name + "}");
        }
        return value;
    }

    /** The text with every value read from the environment replaced by its {@code ${NAME}}. */
    public static String redact(String text) {
        if (text == null || READ.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> e : READ.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
