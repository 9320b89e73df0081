package iobench.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 0.5} (seconds), {@code 250ms}, {@code 1.5s}, {@code 2m}. */
public final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)?$");

    private Durations() {
    }

    /** Milliseconds, or -1 when the text is not a duration. */
    public static long parseMs(String text) {
        Matcher m = WITH_UNIT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> number;
            case "m" -> number * 60_000;
            default -> number * 1000;
        };
        return ms > Long.MAX_VALUE / 2 ? -1 : Math.round(ms);
    }

    /** {@code 0.5 s}, {@code 250 ms}: for messages and reports. */
    public static String format(long ms) {
        return ms % 1000 == 0 || ms >= 1000 ? trim(ms / 1000.0) + " s" : ms + " ms";
    }

    private static String trim(double seconds) {
        String s = String.format(Locale.ROOT, "%.3f", seconds);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
