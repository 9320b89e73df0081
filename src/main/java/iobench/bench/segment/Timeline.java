package iobench.bench.segment;

import iobench.scenario.BenchPlan;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;

/**
 * One timeline for every segment of a distributed run, as k6's execution segments share one
 * schedule: every phase (each warm-up phase, each measured run, each rate step) has a slot, and
 * its slot begins at an instant every segment computes alike, from the scenario file, the model
 * and the start time ({@link SlotLengths}): the start plus the slots of every phase before it.
 * A segment sleeps until each slot's instant, whatever it had to send before: a segment with
 * nothing to send in a phase (a fan-out's others) waits out its slot instead of running ahead,
 * and warm-ups are time-boxed to their slot, so no segment's own pace moves the others'.
 *
 * <p>A phase that ends after its slot has <em>overrun</em> it; the next phase of that segment then
 * begins when it can, late by the overrun (the slot after it is not moved: the lateness does not
 * add up). An overrun up to {@link #OVERRUN_TOLERANCE_MS} keeps the next run within the merge's
 * start-spread limit; a longer one makes that run not valid there, and the merge names the overrun.
 *
 * <p>Why slots and not a barrier per phase: a barrier needs a place every generator reaches
 * besides the servers under test (which must not be disturbed), and a failed generator would hold
 * the others at it; slots need nothing but synchronised clocks, which {@code --start-at} needs
 * already. Their price is time: every slot is as long as the slowest plausible share, so a
 * distributed run takes longer than one generator's (docs/distributed.md).
 */
public final class Timeline implements Pacing {
    /** The merge's limit on a run's start spread: an overrun within it keeps the next run valid. */
    public static final long OVERRUN_TOLERANCE_MS = RunMerge.MAX_START_SPREAD_MS;

    private final long originEpochMs;
    private final SlotLengths lengths;
    private final List<PhaseTiming> phases = new ArrayList<>();
    private long nextSlotMs;
    private PhaseTiming open;

    /** @param originEpochMs where the first slot begins: the start time every segment was given */
    public Timeline(long originEpochMs, BenchPlan plan, RunModel model) {
        this.originEpochMs = originEpochMs;
        this.lengths = new SlotLengths(plan, model);
    }

    /**
     * A warm-up's rounds end this long before its slot does: a round slower than any before it
     * (a pause, a busy neighbour) must not push the next phase late.
     */
    static final long WARMUP_RESERVE_MS = 500;

    @Override
    public synchronized long warmup(Scenario scenario, Contender role) throws InterruptedException {
        long slotEnd = begin(scenario.name(), role, 0, null, lengths.warmupMs(scenario, role));
        return System.nanoTime() + (slotEnd - WARMUP_RESERVE_MS - System.currentTimeMillis()) * 1_000_000;
    }

    @Override
    public synchronized void measured(Scenario step, Contender role, int repetition) throws InterruptedException {
        Integer ratePerS = step instanceof RateScenario r ? r.rate().rate() : null;
        begin(step.name(), role, repetition, ratePerS, lengths.measuredMs(step, role));
    }

    @Override
    public synchronized void ended() {
        if (open != null) {
            phases.add(open.endedAt(System.currentTimeMillis()));
            open = null;
        }
    }

    /** Takes the next slot, sleeps until it begins, and returns where it ends (epoch ms). */
    private long begin(String scenario, Contender role, int repetition, Integer ratePerS, long slotMs)
            throws InterruptedException {
        long slotStart = originEpochMs + nextSlotMs;
        nextSlotMs += slotMs;
        StartAt.sleepUntil(slotStart);
        long now = System.currentTimeMillis();
        open = new PhaseTiming(scenario, role, repetition, ratePerS, slotStart, slotStart + slotMs, now, now);
        return slotStart + slotMs;
    }

    /** Every phase that ended, in order. */
    public synchronized List<PhaseTiming> phases() {
        return List.copyOf(phases);
    }

    /** When the last slot taken so far ends (epoch ms). */
    public synchronized long endEpochMs() {
        return originEpochMs + nextSlotMs;
    }

    /**
     * How long the whole timeline of {@code plan} lasts, first slot to last: the same walk the
     * runner makes (per scenario, each server's warm-up, then every measured run), summed.
     */
    public static long plannedMs(BenchPlan plan, RunModel model) {
        SlotLengths walk = new SlotLengths(plan, model);
        long total = 0;
        for (Scenario s : plan.scenarios()) {
            for (Contender role : s.servers()) {
                total += walk.warmupMs(s, role);
            }
            for (int rep = 1; rep <= s.repetitions(); rep++) {
                for (Scenario step : s.measuredSteps()) {
                    for (Contender role : s.servers()) {
                        total += walk.measuredMs(step, role);
                    }
                }
            }
        }
        return total;
    }
}
