package iobench.report;

import iobench.bench.ClientsScenario;
import iobench.bench.FanOutScenario;
import iobench.bench.RateScenario;
import iobench.bench.Scenario;
import iobench.http.ServerRole;

/**
 * The simple queueing model every measurement is set against. A pool of T threads serves
 * blocking requests in waves of one delay each; the async and virtual servers hold everything
 * at once, so one wave; a sequential fan-out of K calls takes K delays.
 */
public final class Model {
    private Model() {
    }

    public static double predictedDurationS(Scenario s, ServerRole role, ModelParams p) {
        double d = s.delaySeconds();
        return switch (s) {
            case FanOutScenario f -> {
                if (role == ServerRole.ASYNC) {
                    yield d;
                }
                if (f.strategy().equals("sequential")) {
                    yield f.concurrent() * d;
                }
                yield role == ServerRole.SYNC ? waves(f.concurrent(), p.fanoutThreads()) * d : d;
            }
            case ClientsScenario c -> {
                int inParallel = role == ServerRole.SYNC ? Math.min(c.clients(), p.syncThreads()) : c.clients();
                yield waves(c.requests(), inParallel) * d;
            }
            // An open model has no duration to predict: its schedule sets it.
            case RateScenario r -> Double.NaN;
        };
    }

    /** The model's speedup of {@code role} over sync; NaN when the model predicts no time at all. */
    public static double speedup(Scenario s, ServerRole role, ModelParams p) {
        double sync = predictedDurationS(s, ServerRole.SYNC, p);
        double other = predictedDurationS(s, role, p);
        return other > 0 ? sync / other : Double.NaN;
    }

    static long waves(int work, int inParallel) {
        return (work + inParallel - 1) / inParallel;
    }
}
