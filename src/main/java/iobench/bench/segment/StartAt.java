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
            return new StartAt(t, now.plus(d));
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
        // Never early: toMillis() drops the last fraction of a millisecond, hence at least 1 ms a sleep.
        for (Instant now = Instant.now(); now.isBefore(instant); now = Instant.now()) {
            Thread.sleep(Math.max(1, Math.min(Duration.between(now, instant).toMillis(), 1_000)));
        }
    }
}
