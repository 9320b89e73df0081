package iobench.scenario;

import iobench.bench.contender.Contender;

/**
 * One step of a bench run, as the console shows it: a warm-up phase (or one of its rounds, where
 * their number is known) or a measured run.
 *
 * @param scenario    the scenario's name
 * @param phase       warm-up or measured
 * @param round       measured: the repetition; warm-up: the round, or 0 when the rounds are not counted
 * @param rounds      the repetitions, or the warm-up rounds; 0 when not counted
 * @param ratePerS    a rate step's offered rate; null for the other kinds
 * @param warmupUntil a warm-up whose rounds are not counted: what ends it (auto, a time); else null
 */
public record ProgressStep(String scenario, Contender role, Phase phase, int round, int rounds, Integer ratePerS,
                           String warmupUntil) {
    public enum Phase { WARMUP, MEASURED }

    /** A measured run of {@code step} (a scenario, or one step of a staircase): repetition {@code rep}. */
    public static ProgressStep measured(Scenario step, Contender role, int rep) {
        Integer ratePerS = step instanceof RateScenario r ? r.rate().rate() : null;
        return new ProgressStep(step.name(), role, Phase.MEASURED, rep, step.repetitions(), ratePerS, null);
    }

    /** Warm-up round {@code round} of {@code rounds}. */
    public static ProgressStep warmupRound(String scenario, Contender role, int round, int rounds) {
        return new ProgressStep(scenario, role, Phase.WARMUP, round, rounds, null, null);
    }

    /** A warm-up phase whose rounds are not counted in advance; {@code until} says what ends it. */
    public static ProgressStep warmup(String scenario, Contender role, String until) {
        return new ProgressStep(scenario, role, Phase.WARMUP, 0, 0, null, until);
    }

    /** One line: {@code stress sync rep 2/3}, {@code cap async 200/s rep 1/3}, {@code stress sync warm-up 1/5}. */
    public String label() {
        String head = scenario + " " + role.label() + " ";
        if (phase == Phase.WARMUP) {
            return head + "warm-up " + (warmupUntil != null ? "(" + warmupUntil + ")" : round + "/" + rounds);
        }
        return head + (ratePerS != null ? ratePerS + "/s " : "") + "rep " + round + "/" + rounds;
    }
}
