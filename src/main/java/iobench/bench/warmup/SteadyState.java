package iobench.bench.warmup;

import java.util.List;

/**
 * When a warming server counts as steady, JMH-style: the JIT has stopped compiling and the last
 * warm-up rounds agree. A pure rule on the rounds so far, so that it can be tested on made-up
 * series.
 *
 * <p>Steady after a round when, over the last {@link #WINDOW} rounds of this phase,
 * <ul>
 *   <li>the JIT's total compilation time grew by at most {@link #JIT_QUIET_MS}, or
 *       {@link #JIT_QUIET_SHARE} of the window's wall time if that is more (C2 goes on compiling
 *       colder methods long after the hot paths are done, and in one JVM it compiles the load
 *       generator's and the sim's too; a share keeps that from holding a server back forever). A
 *       server in a JVM of its own gets {@link JitClock#OWN_JVM_QUIET_SHARE}: its JIT compiles nothing
 *       else, and what it still compiles is counted in the server's CPU per call (with 5 %, the
 *       servers of the cost scenario were called steady while C2 still took a third of their
 *       CPU). Where the JIT time is not known (a server that does not report it) only the
 *       agreement counts; and</li>
 *   <li>the rounds' wall time per call lies within {@link #AGREE_WITHIN} of their median.</li>
 * </ul>
 */
public final class SteadyState {
    /** Rounds that must agree, and over which the JIT must be quiet. */
    public static final int WINDOW = 3;
    public static final double JIT_QUIET_MS = 20;
    public static final double JIT_QUIET_SHARE = 0.05;
    /** The rounds' time per call may lie this far (relative) from their median. */
    public static final double AGREE_WITHIN = 0.15;

    /**
     * One warm-up round.
     *
     * @param calls        downstream calls the round asked for
     * @param wallNs       its wall time
     * @param jitStartMs   the server's total JIT compilation time before it; NaN when unknown
     * @param jitEndMs     and after it
     */
    public record Round(long calls, long wallNs, double jitStartMs, double jitEndMs) {
        double nsPerCall() {
            return (double) wallNs / Math.max(1, calls);
        }
    }

    private SteadyState() {
    }

    /** The rule for a JIT the load generator and the sim share ({@link #JIT_QUIET_SHARE}). */
    public static boolean steady(List<Round> rounds) {
        return steady(rounds, JIT_QUIET_SHARE);
    }

    /** @param jitQuietShare the share of the window's wall time the JIT may still compile */
    public static boolean steady(List<Round> rounds, double jitQuietShare) {
        if (rounds.size() < WINDOW) {
            return false;
        }
        List<Round> window = rounds.subList(rounds.size() - WINDOW, rounds.size());
        return jitQuiet(window, jitQuietShare) && agree(window);
    }

    static boolean jitQuiet(List<Round> window) {
        return jitQuiet(window, JIT_QUIET_SHARE);
    }

    static boolean jitQuiet(List<Round> window, double share) {
        double start = window.get(0).jitStartMs();
        double end = window.get(window.size() - 1).jitEndMs();
        if (Double.isNaN(start) || Double.isNaN(end)) {
            return true;
        }
        double wallMs = window.stream().mapToLong(Round::wallNs).sum() / 1e6;
        return end - start <= Math.max(JIT_QUIET_MS, share * wallMs);
    }

    static boolean agree(List<Round> window) {
        double[] perCall = window.stream().mapToDouble(Round::nsPerCall).sorted().toArray();
        double median = perCall[perCall.length / 2];
        return median > 0 && perCall[0] >= median * (1 - AGREE_WITHIN)
                && perCall[perCall.length - 1] <= median * (1 + AGREE_WITHIN);
    }
}
