package iobench.bench.segment;

import iobench.bench.contender.Contender;

/**
 * One phase of a segment's timeline ({@link Timeline}): its slot, which every segment computes
 * alike, and when the phase really began and ended on this segment, each on its own wall clock.
 *
 * @param repetition a measured run's repetition; 0 for a warm-up phase
 * @param ratePerS   a rate step's rate; null for the other kinds and for warm-ups
 */
public record PhaseTiming(String scenario, Contender server, int repetition, Integer ratePerS, long slotStartEpochMs,
                          long slotEndEpochMs, long startEpochMs, long endEpochMs) {
    public boolean warmup() {
        return repetition == 0;
    }

    public long slotMs() {
        return slotEndEpochMs - slotStartEpochMs;
    }

    /** How long after its slot's end the phase ended (0 when it ended in time). */
    public long overrunMs() {
        return Math.max(0, endEpochMs - slotEndEpochMs);
    }

    /** The same phase, ended at {@code epochMs}. */
    PhaseTiming endedAt(long epochMs) {
        return new PhaseTiming(scenario, server, repetition, ratePerS, slotStartEpochMs, slotEndEpochMs, startEpochMs,
                epochMs);
    }

    /** {@code 'fan' sync warm-up}, {@code 'cap' async 200/s repetition 2}. */
    public String label() {
        return "'" + scenario + "' " + server.label() + (warmup() ? " warm-up"
                : (ratePerS != null ? " " + ratePerS + "/s" : "") + " repetition " + repetition);
    }
}
