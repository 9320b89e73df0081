package iobench.scenario;

/**
 * How a server is warmed before its first measured run of a scenario (the scenario file's
 * {@code warmup}): {@code auto} until it is steady ({@link SteadyState}), a number of warm-up
 * rounds, or rounds for a while. Every mode drives the scenario's own shape at the short warm-up
 * delay ({@link WarmupShape}).
 *
 * @param mode       auto, rounds or timed
 * @param rounds     rounds mode: how many (0: no warm-up at all)
 * @param durationMs timed mode: rounds until this much time has passed
 * @param maxCalls   auto: the most calls one phase (one scenario, one server) may send before it
 *                   gives up, the server then named as not steady
 * @param maxMs      auto: the longest one phase may take before it gives up
 */
public record Warmup(Mode mode, int rounds, long durationMs, long maxCalls, long maxMs) {
    /** Auto's default caps ({@code warmup-max-calls}, {@code warmup-max-time} in the scenario file). */
    public static final long AUTO_MAX_CALLS = 60_000;
    public static final long AUTO_MAX_MS = 10_000;

    public enum Mode { AUTO, ROUNDS, TIMED }

    public static final Warmup AUTO = auto(AUTO_MAX_CALLS, AUTO_MAX_MS);

    public Warmup {
        if (rounds < 0 || durationMs < 0 || maxCalls < 1 || maxMs < 1) {
            throw new IllegalArgumentException("warm-up rounds, duration and caps must be positive");
        }
    }

    /**
     * Auto's calls cap when the file sets only the time cap: {@link #AUTO_MAX_CALLS} per
     * {@link #AUTO_MAX_MS}, never fewer, so that a longer time cap is not cut short by the calls
     * cap it did not ask for (60 s of warm-up at the short delay is well over 60,000 calls).
     */
    public static long defaultMaxCalls(long maxMs) {
        return Math.min(10_000_000, Math.max(AUTO_MAX_CALLS, AUTO_MAX_CALLS * maxMs / AUTO_MAX_MS));
    }

    public static Warmup auto(long maxCalls, long maxMs) {
        return new Warmup(Mode.AUTO, 0, 0, maxCalls, maxMs);
    }

    public static Warmup rounds(int rounds) {
        return new Warmup(Mode.ROUNDS, rounds, 0, AUTO_MAX_CALLS, AUTO_MAX_MS);
    }

    public static Warmup timed(long durationMs) {
        return new Warmup(Mode.TIMED, 0, durationMs, AUTO_MAX_CALLS, AUTO_MAX_MS);
    }

    /** The same mode with other auto caps. */
    public Warmup withCaps(long newMaxCalls, long newMaxMs) {
        return new Warmup(mode, rounds, durationMs, newMaxCalls, newMaxMs);
    }

    /** Whether nothing warms the servers (warmup: 0). */
    public boolean none() {
        return mode == Mode.ROUNDS && rounds == 0 || mode == Mode.TIMED && durationMs == 0;
    }

    /** As the scenario file writes it. */
    public String describe() {
        return switch (mode) {
            case AUTO -> "auto";
            case ROUNDS -> Integer.toString(rounds);
            case TIMED -> iobench.scenario.Durations.format(durationMs);
        };
    }
}
