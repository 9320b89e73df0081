package iobench.bench.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the segments of a run start sending: an ISO-8601 instant every machine reads on its own
 * clock ({@code 2026-11-30T10:00:00Z}), or a time from now ({@code +30s}, {@code +2m}) for segments
 * started together by hand or by an orchestrator.
 *
 * @param given   as the user wrote it: part of the run id, so that every segment of one run agrees
 * @param instant when this process starts, resolved against its own clock
 */
public record StartAt(String given, Instant instant) {
    public static final String FORM = "an ISO-8601 instant like 2026-11-30T10:00:00Z, or +30s / +2m from now";
    private static final Pattern RELATIVE = Pattern.compile("\\+(\\d{1,6})(ms|s|m|h)");

    /** {@code text} read against {@code now}; a bad value is an IllegalArgumentException naming it and the form. */
    public static StartAt parse(String text, Instant now) {
        return parse(text, now, now);
    }

    /**
     * {@code text} read against the start of this process: a time from now ({@code +30s}) counts
     * from {@code processStart}, so that segments started together by one command line or one
     * orchestrator agree within the few ms between their launches, however long each JVM then
     * takes to load (on a busy machine three of them differ by hundreds of ms by the time they
     * read their arguments); from {@code now} where that instant has already passed (bench run
     * inside a JVM that has been up for longer, as the tests do).
     */
    public static StartAt parse(String text, Instant now, Instant processStart) {
        String t = text == null ? "" : text.strip();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            Instant fromStart = processStart.plus(d);
            return new StartAt(t, fromStart.isAfter(now) ? fromStart : now.plus(d));
        }
        try {
            return new StartAt(t, Instant.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start-at " + text + " is not usable; expected " + FORM);
        }
    }

    /**
     * The warning line for a start instant already past at {@code now} (the segment still runs, at
     * once: the others may be as late, and the merge measures the spread), or null when it is ahead.
     */
    public String lateWarning(Instant now) {
        if (!now.isAfter(instant)) {
            return null;
        }
        return "warning: --start-at " + given + " (" + instant + ") has passed: this segment starts "
                + Duration.between(instant, now).toMillis() + " ms late; the merge flags runs whose segments "
                + "began over a second apart";
    }

    /**
     * Sleeps until the instant (at once if it has passed); an interrupt (Ctrl-C) ends the wait
     * with InterruptedException, as it ends a run.
     */
    public void await() throws InterruptedException {
        // Never early: the instant's fraction of a millisecond rounds up.
        sleepUntil(instant.plusNanos(999_999).toEpochMilli());
    }

    /**
     * Sleeps until the wall clock reads {@code epochMs} (at once if it has passed), in steps of at
     * most a second, so that a clock set forward meanwhile ends the wait at the right time;
     * InterruptedException on Ctrl-C.
     */
    public static void sleepUntil(long epochMs) throws InterruptedException {
        for (long now = System.currentTimeMillis(); now < epochMs; now = System.currentTimeMillis()) {
            Thread.sleep(Math.min(epochMs - now, 1_000));
        }
    }
}
