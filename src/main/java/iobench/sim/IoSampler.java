package iobench.sim;

import java.util.SplittableRandom;

/**
 * Draws delays and faults for one profile from one seeded stream, one draw per request in the
 * order requests arrive. Under concurrency that order, and so which request gets which draw,
 * depends on timing; the sequence of draws, and so the distribution of a run, does not.
 */
final class IoSampler {
    /** What one request gets: how long it waits (already clamped) and what happens then. */
    record Draw(long delayMs, Fault fault) {
    }

    private final IoProfile profile;
    private final SplittableRandom random;

    IoSampler(IoProfile profile) {
        this.profile = profile;
        this.random = new SplittableRandom(profile.seed());
    }

    IoProfile profile() {
        return profile;
    }

    /**
     * The next draw: the fault first, then the delay, always in that order so that a seed
     * gives the same sequence whatever the rates.
     *
     * @param requestDelayMs the request's own delay, used when the profile has no distribution
     * @param maxDelayMs     the sim's cap: a long tail never waits beyond it
     */
    synchronized Draw next(long requestDelayMs, long maxDelayMs) {
        Fault fault = profile.faultFor(random.nextDouble());
        double ms = profile.distribution() == null ? requestDelayMs : profile.distribution().sampleMs(random);
        long delayMs = Math.max(0, Math.min(maxDelayMs, Math.round(ms)));
        return new Draw(delayMs, fault);
    }
}
