package iobench.analysis;

import iobench.bench.contender.Contender;
import iobench.bench.contender.TargetModel;
import iobench.core.ServerRole;

/**
 * What the queueing model knows of one contender: its kind, and for a pool how many requests it
 * serves at once and how many calls of a parallel fan-out it makes at once.
 *
 * @param requestThreads a pool's request threads; 0 for async and virtual
 * @param fanoutThreads  a pool's parallel fan-out threads; 0 for async and virtual
 */
public record ContenderModel(TargetModel model, int requestThreads, int fanoutThreads) {
    public ContenderModel {
        if (model == TargetModel.POOL && (requestThreads < 1 || fanoutThreads < 1)) {
            throw new IllegalArgumentException("a pool needs threads: " + requestThreads + ", " + fanoutThreads);
        }
    }

    /** "pool of 8 threads", "async (one wave)": the model as reports name it. */
    public String describe() {
        return model == TargetModel.POOL ? "pool of " + requestThreads + " threads" : model.label() + " (one wave)";
    }

    /** A named pool of {@code threads}: its requests and a parallel fan-out's calls share them. */
    public static ContenderModel pool(int threads) {
        return new ContenderModel(TargetModel.POOL, threads, threads);
    }

    /** One wave: async and virtual-thread servers hold everything at once. */
    public static ContenderModel oneWave(TargetModel model) {
        return new ContenderModel(model, 0, 0);
    }

    /**
     * Our own servers: sync a pool with the threads its /health reported, the others one wave.
     * A named target's model is the one its definition gave ({@link ModelParams#named}).
     */
    public static ContenderModel of(Contender contender, ModelParams p) {
        ContenderModel named = p.named().get(contender);
        if (named != null) {
            return named;
        }
        ServerRole role = contender.builtIn();
        if (role == null) {
            throw new IllegalArgumentException(contender.name() + " is not one of our servers; its model is its target's");
        }
        return switch (role) {
            case SYNC -> new ContenderModel(TargetModel.POOL, p.syncThreads(), p.fanoutThreads());
            case ASYNC -> oneWave(TargetModel.ASYNC);
            case VIRTUAL -> oneWave(TargetModel.VIRTUAL);
            case SIM -> throw new IllegalArgumentException("the sim is not a contender");
        };
    }
}
