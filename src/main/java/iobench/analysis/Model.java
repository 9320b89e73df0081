package iobench.analysis;

import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.TargetModel;
import iobench.bench.contender.Contender;
import iobench.bench.segment.RunModel;

/**
 * The simple queueing model every measurement is set against. A pool of T threads serves
 * blocking requests in waves of one delay each; the async and virtual servers hold everything
 * at once, so one wave; a sequential fan-out of K calls takes K delays. Any contender is one of
 * these kinds ({@link ContenderModel}): a named pool of T threads is modelled as the sync server.
 */
public final class Model {
    private Model() {
    }

    public static double predictedDurationS(Scenario s, Contender role, ModelParams p) {
        // A named target whose model the report was not given (merged segments): nothing to predict.
        if (!role.isBuiltIn() && !p.named().containsKey(role)) {
            return Double.NaN;
        }
        return predictedDurationS(s, ContenderModel.of(role, p));
    }

    /** Any contender's predicted duration: a pool in waves of its threads, async and virtual in one. */
    public static double predictedDurationS(Scenario s, ContenderModel m) {
        double d = s.delaySeconds();
        return switch (s) {
            case FanOutScenario f -> {
                // The async kind always fans out at once, whatever strategy it is sent.
                if (m.model() == TargetModel.ASYNC) {
                    yield d;
                }
                if (f.strategy() == Strategy.SEQUENTIAL) {
                    yield f.concurrent() * d;
                }
                yield m.model() == TargetModel.POOL ? waves(f.concurrent(), m.fanoutThreads()) * d : d;
            }
            // Clients sending for a set time: the clock sets the duration, as a rate scenario's schedule does.
            case ClientsScenario c when c.forTime() -> Double.NaN;
            case ClientsScenario c -> {
                int inParallel = m.model() == TargetModel.POOL ? Math.min(c.clients(), m.requestThreads()) : c.clients();
                yield waves(c.requests(), inParallel) * d;
            }
            // An open model has no duration to predict: its schedule sets it.
            case RateScenario r -> Double.NaN;
        };
    }

    /**
     * A contender without a model of its own (a target given by {@code --target} alone) is sized,
     * for a distributed run's slots, as a pool of this many threads: our sync server's default.
     */
    public static final int UNKNOWN_POOL_THREADS = 8;

    /**
     * The model a distributed run's timeline sizes its slots by ({@link iobench.bench.segment.SlotLengths}):
     * this one, and for a contender it has no model of, a pool of {@link #UNKNOWN_POOL_THREADS}.
     */
    public static RunModel forSlots(ModelParams p) {
        return (run, role) -> {
            double s = predictedDurationS(run, role, p);
            return Double.isNaN(s) ? predictedDurationS(run, ContenderModel.pool(UNKNOWN_POOL_THREADS)) : s;
        };
    }

    /** The model's speedup of {@code role} over sync; NaN when the model predicts no time at all. */
    public static double speedup(Scenario s, Contender role, ModelParams p) {
        double sync = predictedDurationS(s, Contender.SYNC, p);
        double other = predictedDurationS(s, role, p);
        return other > 0 ? sync / other : Double.NaN;
    }

    static long waves(int work, int inParallel) {
        return (work + inParallel - 1) / inParallel;
    }
}
