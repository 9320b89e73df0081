package iobench.bench.segment;

import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.bench.warmup.WarmupPhase;

/**
 * When each phase of a run begins. One generator goes from one phase to the next at once
 * ({@link #AT_ONCE}); the segments of a distributed run begin every phase at the same instant of
 * one timeline ({@link iobench.bench.segment.Timeline}), so that their loads add up at the same
 * time whatever each segment had to send before.
 */
public interface Pacing {
    /**
     * Waits until the warm-up of {@code role} for {@code scenario} may begin (with the server's
     * first request, if this is its first scenario).
     *
     * @return the {@link System#nanoTime()} by which its rounds must end, or {@link WarmupPhase#NO_DEADLINE}
     */
    long warmup(Scenario scenario, Contender role) throws InterruptedException;

    /** Waits until the measured run of {@code step} against {@code role} may begin. */
    void measured(Scenario step, Contender role, int repetition) throws InterruptedException;

    /** The phase begun last has ended. */
    void ended();

    /** One generator: every phase begins when the one before it ended. */
    Pacing AT_ONCE = new Pacing() {
        @Override
        public long warmup(Scenario scenario, Contender role) {
            return WarmupPhase.NO_DEADLINE;
        }

        @Override
        public void measured(Scenario step, Contender role, int repetition) {
        }

        @Override
        public void ended() {
        }
    };
}
