package iobench.bench;

import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;

/**
 * Whether what a target held at once in check's burst fits the model bench will predict it by: a
 * pool of T threads serves a burst of N in ceil(N/T) waves, so holds N / ceil(N/T) (T when the burst
 * is a multiple of T, never more); async and virtual hold the whole burst in one wave. A reading is
 * taken as fitting within a quarter of that: the burst's duration is counted in whole waves, so a
 * fitting target reads the model's figure or, on a busy machine, a wave more, and a quarter tells that
 * from a pool clearly smaller or larger than the model says.
 */
public final class ConcurrencyFit {
    /** Below this share of the model's figure a target held clearly fewer; above its inverse, clearly more. */
    static final double TOLERANCE = 0.75;

    private ConcurrencyFit() {
    }

    /**
     * @param threads the pool's threads (for our sync server: from its /health); ignored for other models
     * @return a few words for check's line: "fits its model", "fewer than its 8 threads", "fewer than the burst",
     *         "more than its 8 threads", or "no model" for a target without one
     */
    public static String of(TargetModel model, int threads, TargetProbe.Concurrency c) {
        if (model == null || model == TargetModel.POOL && threads < 1) {
            return "no model";
        }
        double expected = expected(model, threads, c.sent());
        double held = c.heldAtOnce();
        if (held < TOLERANCE * expected) {
            // A pool of more threads than the burst should hold the burst: name what it fell short of.
            return model == TargetModel.POOL && threads <= c.sent() ? "fewer than its " + threads + " threads"
                    : "fewer than the burst";
        }
        if (model == TargetModel.POOL && held > expected / TOLERANCE) {
            return "more than its " + threads + " threads";
        }
        return "fits its model";
    }

    public static String of(Target target, TargetProbe.Concurrency c) {
        return of(target.model(), target.threads(), c);
    }

    /** What the model says a burst of {@code burst} is held at once. */
    static double expected(TargetModel model, int threads, int burst) {
        if (model != TargetModel.POOL) {
            return burst;
        }
        long waves = (burst + threads - 1) / threads;
        return (double) burst / waves;
    }
}
