package iobench.analysis;

import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model needs of the contenders: the sync server's limits, read from its {@code /health},
 * and the model of each named target, from its definition.
 *
 * @param syncThreads   requests the sync server handles at once
 * @param fanoutThreads threads of its {@code parallel} fan-out pool
 * @param named         each named target's model, in the file's order
 */
public record ModelParams(int syncThreads, int fanoutThreads, Map<Contender, ContenderModel> named) {
    public ModelParams {
        named = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    /** With the model of each target that has one ({@code --target} alone gives none: no prediction for it). */
    public static ModelParams of(int syncThreads, int fanoutThreads, List<Target> targets) {
        Map<Contender, ContenderModel> named = new LinkedHashMap<>();
        targets.stream().filter(t -> t.model() != null).forEach(t -> named.put(t.contender(),
                t.model() == TargetModel.POOL ? ContenderModel.pool(t.threads()) : ContenderModel.oneWave(t.model())));
        return new ModelParams(syncThreads, fanoutThreads, named);
    }
}
