package iobench.bench.segment;

import iobench.scenario.BenchPlan;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.RateSpec;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.bench.load.RateRun;
import iobench.bench.load.Schedule;
import iobench.bench.warmup.SteadyState;
import iobench.scenario.Warmup;
import iobench.bench.warmup.WarmupShape;
import java.util.HashSet;
import java.util.Set;

/**
 * How long each phase of a distributed run's timeline lasts, from the scenario file and the
 * model alone, so that every segment computes the same slots ({@link Timeline}). Slots are for
 * the whole run (every segment's share together is what the servers serve), so they do not
 * depend on the segment.
 *
 * <ul>
 *   <li>A measured fan-out or clients run: the model's duration, {@link #MARGIN} more and
 *       {@link #MARGIN_MS} on top (the model is the least a run can take; the generator, the
 *       network and a busy machine add to it).</li>
 *   <li>A rate step: its schedule, or the model's time to answer what arrived where the server
 *       cannot keep up (its backlog drains after the schedule), with the same margin; never more
 *       than the longest a rate run can take ({@link RateRun#longestMs}).</li>
 *   <li>A warm-up phase: the server's first request of the run, if this is its first phase, then a
 *       budget by the warm-up mode. {@code auto}: its time cap ({@code warmup-max-time}) for the
 *       server's first phase of a shape (kind and strategy), and {@link SteadyState#WINDOW}
 *       rounds by the model, with the margin, for a later phase of a shape it met before (a
 *       steady server then needs one round, one not yet steady gets a few more); a number of
 *       rounds: those rounds by the model, with the margin; a time: that time and a round more.
 *       Rounds are modelled at the warm-up delay, a named target's at its scenario's own (it may
 *       refuse the short one).</li>
 * </ul>
 *
 * <p>Walked in the runner's order: a warm-up slot depends on the phases before it.
 */
public final class SlotLengths {
    /** A slot is this much longer than the model's duration... */
    public static final double MARGIN = 0.25;
    /** ...and this much more. */
    public static final long MARGIN_MS = 1_000;

    private final BenchPlan plan;
    private final RunModel model;
    private final Set<Contender> requested = new HashSet<>();
    private final Set<String> shapes = new HashSet<>();

    public SlotLengths(BenchPlan plan, RunModel model) {
        this.plan = plan;
        this.model = model;
    }

    /** The slot of the next warm-up phase, {@code role}'s for {@code scenario}: once per phase, in the runner's order. */
    public long warmupMs(Scenario scenario, Contender role) {
        long shortDelayMs = Math.min(scenario.delayMs(), plan.warmupDelayMs());
        long ms = 0;
        if (requested.add(role)) {
            // A named target that refuses the short delay is asked again at the scenario's.
            ms += margined(shortDelayMs) + (role.isBuiltIn() ? 0 : margined(scenario.delayMs()));
        }
        boolean firstOfShape = shapes.add(role.name() + " " + WarmupShape.key(scenario, role));
        Warmup w = plan.warmup();
        if (w.none()) {
            return ms;
        }
        double roundMs = roundMs(scenario, role, role.isBuiltIn() ? shortDelayMs : scenario.delayMs());
        return ms + switch (w.mode()) {
            case AUTO -> firstOfShape ? Math.max(w.maxMs(), margined(roundMs)) : margined(SteadyState.WINDOW * roundMs);
            case ROUNDS -> margined(w.rounds() * roundMs);
            case TIMED -> w.durationMs() + margined(roundMs);
        };
    }

    /** The slot of a measured run (a scenario, or one step of a staircase) against {@code role}. */
    public long measuredMs(Scenario step, Contender role) {
        return switch (step) {
            case RateScenario r -> rateMs(r, role);
            case FanOutScenario f -> margined(1000 * model.predictedS(f, role));
            case ClientsScenario c -> margined(1000 * model.predictedS(c, role));
        };
    }

    /** A warm-up round of the scenario's shape ({@link WarmupShape}) at {@code delayMs}, by the model, in ms. */
    double roundMs(Scenario scenario, Contender role, long delayMs) {
        WarmupShape shape = WarmupShape.of(scenario);
        Scenario.Common c = scenario.common();
        Scenario.Common at = new Scenario.Common(c.name(), delayMs, c.repetitions(), c.servers(), c.strategy(),
                c.simProfile());
        double clientsMs = 1000 * model.predictedS(new ClientsScenario(at, shape.clients(), shape.requests()), role);
        if (shape.concurrent() == 1 || delayMs == 0) {
            return clientsMs;
        }
        // Each request of a fan-out round makes its calls: as many delays as the model gives one such request.
        double delaysPerRequest = model.predictedS(new FanOutScenario(at, shape.concurrent()), role) * 1000 / delayMs;
        return clientsMs * delaysPerRequest;
    }

    private long rateMs(RateScenario step, Contender role) {
        RateSpec spec = step.rate();
        long count = Schedule.count(spec.rate(), spec.durationMs());
        long inFlight = Math.max(1, (long) Math.ceil(spec.rate() * step.delayMs() / 1000.0));
        if (spec.connections() > 0) {
            inFlight = Math.min(inFlight, spec.connections());
        }
        // The arrivals answered as a closed run of the clients the rate keeps busy: the schedule's
        // length where the server keeps up, longer where it serves fewer at once.
        int clients = (int) Math.min(Integer.MAX_VALUE, inFlight);
        int requests = (int) Math.min(Integer.MAX_VALUE, Math.max(count, inFlight));
        double answeredMs = 1000 * model.predictedS(new ClientsScenario(step.common(), clients, requests), role);
        double runMs = Math.max(spec.durationMs(), answeredMs) + step.delayMs();
        return Math.min(margined(runMs), RateRun.longestMs(spec.durationMs(), step.delayMs()) + MARGIN_MS);
    }

    /** The model's time in whole ms (its waves of a tenth of a second are not exact in binary), with the margin. */
    static long margined(double modelMs) {
        return (long) Math.ceil(Math.round(modelMs) * (1 + MARGIN)) + MARGIN_MS;
    }
}
