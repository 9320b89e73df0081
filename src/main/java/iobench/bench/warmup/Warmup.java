package iobench.bench.warmup;

/**
 * How a server is warmed before its first measured run of a scenario (the scenario file's
 * {@code warmup}): {@code auto} until it is steady ({@link SteadyState}), a number of warm-up
 * rounds, or rounds for a while. Every mode drives the scenario's own shape at the short warm-up
 * delay ({@link WarmupShape}).
 *
 * @param mode       auto, rounds or timed
 * @param rounds     rounds mode: how many (0: no warm-up at all)
 * @param durationMs timed mode: rounds until this much time has passed
 */
public record Warmup(Mode mode, int rounds, long durationMs) {
    /** Auto: the most calls one warm-up phase (one scenario, one server) may send before giving up. */
    public static final long AUTO_MAX_CALLS = 60_000;
    /** Auto: the longest one warm-up phase may take before giving up. */
    public static final long AUTO_MAX_MS = 15_000;

    public enum Mode { AUTO, ROUNDS, TIMED }

    public static final Warmup AUTO = new Warmup(Mode.AUTO, 0, 0);

    public Warmup {
        if (rounds < 0 || durationMs < 0) {
            throw new IllegalArgumentException("warm-up rounds and duration cannot be negative");
        }
    }

    public static Warmup rounds(int rounds) {
        return new Warmup(Mode.ROUNDS, rounds, 0);
    }

    public static Warmup timed(long durationMs) {
        return new Warmup(Mode.TIMED, 0, durationMs);
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
            case TIMED -> iobench.bench.Durations.format(durationMs);
        };
    }
}
