package iobench.http;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parses and checks the query parameters every server shares. All servers use these functions,
 * so a value is accepted or refused the same way everywhere.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /**
     * A delay in seconds (as the original took it, e.g. {@code 0.25}), returned in milliseconds.
     *
     * @param values   every value the request gave for the parameter (a repeated parameter is refused)
     * @param maxDelayMs the server's cap
     */
    public static long delayMs(String name, List<String> values, long maxDelayMs) {
        String allowed = "a number of seconds from 0 to " + formatSeconds(maxDelayMs);
        String raw = single(name, values, allowed);
        double seconds = number(name, raw, allowed, Double::parseDouble);
        if (!Double.isFinite(seconds) || seconds < 0 || seconds * 1000.0 > maxDelayMs) {
            throw new BadParameterException(name, raw, allowed);
        }
        return Math.round(seconds * 1000.0);
    }

    /** An integer in {@code [min, max]}; {@code defaultValue} when absent (null means required). */
    public static int intInRange(String name, List<String> values, int min, int max, Integer defaultValue) {
        String allowed = "an integer from " + min + " to " + max;
        if ((values == null || values.isEmpty()) && defaultValue != null) {
            return defaultValue;
        }
        String raw = single(name, values, allowed);
        long parsed = number(name, raw, allowed, Long::parseLong);
        if (parsed < min || parsed > max) {
            throw new BadParameterException(name, raw, allowed);
        }
        return (int) parsed;
    }

    /** One of a closed set of words; {@code defaultValue} when absent. */
    public static String oneOf(String name, List<String> values, List<String> choices, String defaultValue) {
        if (values == null || values.isEmpty()) {
            return defaultValue;
        }
        String allowed = "one of " + String.join(", ", choices);
        String raw = single(name, values, allowed);
        String word = raw.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(word)) {
            throw new BadParameterException(name, raw, allowed);
        }
        return word;
    }

    /** A share from 0 to 1, such as an error rate. */
    public static double fraction(String name, List<String> values) {
        String allowed = "a number from 0 to 1";
        String raw = single(name, values, allowed);
        double value = number(name, raw, allowed, Double::parseDouble);
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new BadParameterException(name, raw, allowed);
        }
        return value;
    }

    /** Any whole number that fits a long, such as a random seed. */
    public static long anyLong(String name, List<String> values) {
        String allowed = "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        String raw = single(name, values, allowed);
        return number(name, raw, allowed, Long::parseLong);
    }

    /** Free text, such as a request id, kept short so it cannot bloat a response. */
    public static String text(String name, List<String> values, int maxLength) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String raw = single(name, values, "text of at most " + maxLength + " characters");
        if (raw.length() > maxLength) {
            throw new BadParameterException(name, raw.substring(0, maxLength) + "...",
                    "text of at most " + maxLength + " characters");
        }
        return raw;
    }

    private static String single(String name, List<String> values, String allowed) {
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw new BadParameterException(name, null, allowed);
        }
        if (values.size() > 1) {
            throw new BadParameterException(name, String.join(",", values), allowed + ", given once");
        }
        return values.get(0);
    }

    static String formatSeconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** {@code raw} parsed (spaces around it ignored); not a number is a bad parameter. */
    private static <T> T number(String name, String raw, String allowed, Function<String, T> parse) {
        try {
            return parse.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, raw, allowed);
        }
    }
}
