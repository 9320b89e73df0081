package iobench.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profiles in force in one sim: the sim-wide one (set by {@code POST /profile}) with its
 * stall clock, and one sampler per distinct profile that requests asked for themselves, so that
 * a repeated query draws from one seeded stream instead of restarting it every time.
 */
final class ActiveProfiles {
    /** What one request will do: when it ends (stalls included), its drawn delay and its fault. */
    record Plan(long waitNs, long delayMs, Fault fault) {
    }

    private record SimWide(IoSampler sampler, StallClock stall) {
    }

    /** Bounds the memory a client can make the sim spend by sending many distinct seeds. */
    private static final int MAX_REQUEST_PROFILES = 256;

    private final long maxDelayMs;
    private volatile SimWide simWide = new SimWide(new IoSampler(IoProfile.NONE), StallClock.NONE);
    private final Map<IoProfile, IoSampler> requestSamplers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IoProfile, IoSampler> eldest) {
            return size() > MAX_REQUEST_PROFILES;
        }
    };

    ActiveProfiles(long maxDelayMs) {
        this.maxDelayMs = maxDelayMs;
    }

    /** Replaces the sim-wide profile; its seeded stream and its stall clock start now. */
    void set(IoProfile profile) {
        simWide = new SimWide(new IoSampler(profile), StallClock.startingNow(profile));
    }

    IoProfile simWide() {
        return simWide.sampler().profile();
    }

    /**
     * Draws for one request.
     *
     * @param own            the request's own profile, or null for the sim-wide one
     * @param requestDelayMs the {@code delay} the request asked for
     */
    Plan plan(IoProfile own, long requestDelayMs) {
        SimWide current = simWide;
        IoSampler sampler = own == null ? current.sampler() : samplerFor(own);
        IoSampler.Draw draw = sampler.next(requestDelayMs, maxDelayMs);
        // Stalls are sim-wide: they hold every request, whichever profile it drew from.
        return new Plan(current.stall().waitNs(System.nanoTime(), draw.delayMs()), draw.delayMs(), draw.fault());
    }

    private synchronized IoSampler samplerFor(IoProfile profile) {
        return requestSamplers.computeIfAbsent(profile, IoSampler::new);
    }
}
