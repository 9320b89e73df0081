package iobench.bench.warmup;

import iobench.bench.contender.Contender;

/**
 * How one warm-up phase (one scenario, one server) ended.
 *
 * @param scenario    the scenario it prepared
 * @param server      the server it warmed
 * @param rounds      warm-up rounds run
 * @param calls       downstream calls they asked for
 * @param durationNs  their wall time
 * @param steady      whether the server was steady at the end ({@link SteadyState}); false when
 *                    the phase hit its cap first, or when the mode was not auto and the rule did not hold
 * @param capped      the phase gave up before the server was steady: auto at its cap in calls or in
 *                    time ({@link Warmup#maxCalls()}, {@link Warmup#maxMs()}), or any mode at the end
 *                    of a segment's time box ({@link WarmupPhase})
 * @param jitGrowthMs the JIT compilation time during the phase, NaN when unknown
 * @param sharedFrom  auto only: the earlier scenario of the same shape (kind and strategy) after
 *                    whose warm-up the server was already steady, so that this phase only opened
 *                    its connections with one round; null for a full phase
 * @param failure     when a round answered nothing at all, which stops the phase (a server that
 *                    answers nothing cannot warm): how its requests failed, else null. Reports show
 *                    it, so that a server measured cold for that reason says why.
 * @param closing     closing rounds: the server was steady after this scenario's warm-up already,
 *                    and was warmed again right before its first measured run ({@code BenchRunner})
 */
public record WarmupOutcome(String scenario, Contender server, int rounds, long calls, long durationNs,
                            boolean steady, boolean capped, double jitGrowthMs, String sharedFrom, String failure,
                            boolean closing) {
    /** The same phase, marked as closing rounds. */
    public WarmupOutcome asClosing() {
        return new WarmupOutcome(scenario, server, rounds, calls, durationNs, steady, capped, jitGrowthMs, sharedFrom,
                failure, true);
    }

    public double durationS() {
        return durationNs / 1e9;
    }
}
