package iobench.bench.segment;

import iobench.scenario.Progress;
import iobench.bench.BenchRunner;
import iobench.scenario.ProgressStep;
import iobench.bench.contender.Contender;
import iobench.bench.metrics.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each measured run of a segment began, on its wall clock: --start-at lines up only the
 * first run, and each later one starts when its segment reaches it, so the merge needs every
 * run's start to tell whether the segments' shares of it overlapped. Taken from the runner's
 * progress, which announces each measured run just before it starts; passes every step on.
 */
public final class RunStarts implements Progress {
    /** What runs.json holds for a run whose start is not known (warm-ups; files of older versions). */
    public static final long UNKNOWN = -1;

    private record Key(String scenario, Contender server, int repetition) {
    }

    private final Progress delegate;
    private final Map<Key, List<Long>> starts = new HashMap<>();

    public RunStarts(Progress delegate) {
        this.delegate = delegate;
    }

    @Override
    public void begin(int totalRuns) {
        delegate.begin(totalRuns);
    }

    @Override
    public synchronized void step(ProgressStep step) {
        if (step.phase() == ProgressStep.Phase.MEASURED) {
            starts.computeIfAbsent(new Key(step.scenario(), step.role(), step.round()), k -> new ArrayList<>())
                    .add(System.currentTimeMillis());
        }
        delegate.step(step);
    }

    @Override
    public void end() {
        delegate.end();
    }

    /** Each run's start in epoch ms, in the order of {@code runs}; {@link #UNKNOWN} for warm-ups. */
    public synchronized List<Long> of(List<RunResult> runs) {
        Map<Key, Integer> seen = new HashMap<>();
        List<Long> out = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.warmup()) {
                out.add(UNKNOWN);
                continue;
            }
            Key key = new Key(r.scenario(), r.server(), r.repetition());
            // A staircase's steps share scenario, server and repetition: the n-th is the n-th announced.
            int ordinal = seen.merge(key, 1, Integer::sum);
            List<Long> mine = starts.getOrDefault(key, List.of());
            out.add(ordinal <= mine.size() ? mine.get(ordinal - 1) : UNKNOWN);
        }
        return out;
    }
}
