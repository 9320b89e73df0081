package iobench.sim;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text, written into a builder without formatting the date each
 * time: the sim stamps every answer, and a second's date and time are worked out once. The
 * fraction follows ISO_INSTANT: none, or 3, 6 or 9 digits, as many as the nanoseconds need.
 */
final class Timestamps {
    /** One second's text without its 'Z', such as {@code 2026-12-06T06:10:00}. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

    private Timestamps() {
    }

    static StringBuilder append(StringBuilder out, Instant instant) {
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
            second = new Second(instant.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = second;
        }
        out.append(second.text());
        int nanos = instant.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(out, nanos / 1_000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        return out.append('Z');
    }

    /** {@code value} in {@code width} digits, zeros in front. */
    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = (int) Math.pow(10, width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }
}
