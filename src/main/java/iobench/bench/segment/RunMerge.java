package iobench.bench.segment;

import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the segments' shares of one run into the run one generator would have recorded: the
 * histograms are added (a percentile of the union is read from the sum, never averaged from the
 * segments' percentiles), counts summed, offered rates summed, the duration the longest (every
 * segment times from the one-machine schedule's start). The generator's own figures keep the
 * worst segment's, so that a run in which any segment's generator was the limit stays one.
 */
public final class RunMerge {
    private RunMerge() {
    }

    /** A run's place in every segment's list: segments run the same plan, so the same places hold the same run. */
    record Key(RunId id, int ordinal) {
    }

    /**
     * Every run of the segments, merged place by place, in the first segment's order. A warm-up
     * round some segment did not run (auto warm-up stops when each is steady) is added from those
     * that did. Throws IllegalArgumentException naming the run when a measured run is missing from
     * a segment.
     */
    public static List<RunResult> mergeAll(List<List<RunResult>> segments) {
        Map<Key, List<RunResult>> byKey = new LinkedHashMap<>();
        for (List<RunResult> runs : segments) {
            Map<RunId, Integer> seen = new HashMap<>();
            for (RunResult r : runs) {
                int ordinal = seen.merge(r.id(), 1, Integer::sum);
                byKey.computeIfAbsent(new Key(r.id(), ordinal), k -> new ArrayList<>()).add(r);
            }
        }
        List<RunResult> merged = new ArrayList<>();
        byKey.forEach((key, shares) -> {
            if (!key.id().warmup() && shares.size() != segments.size()) {
                throw new IllegalArgumentException("run " + describe(key) + " is in " + shares.size() + " of the "
                        + segments.size() + " segments");
            }
            merged.add(merge(shares));
        });
        return merged;
    }

    /**
     * The most a measured run's segments may begin apart, each on its own clock: at the rates
     * iobench offers, a second is hundreds of requests sent early or late, which the merged
     * percentiles would not show. A run whose start spread is over it is not valid.
     */
    public static final long MAX_START_SPREAD_MS = 1_000;

    /**
     * How far apart the segments that sent something in a measured run began it: the latest
     * start less the earliest.
     *
     * @param ordinal  the run's place among those of the same id (a staircase's step), from 1
     * @param sending  how many segments sent something in it, and so count
     * @param spreadMs their latest start less their earliest
     * @param lateMs   per segment (in segment order), how long after the earliest it began; -1 for
     *                 one that sent nothing in the run or whose start is not known
     */
    public record Spread(RunId id, int ordinal, int sending, long spreadMs, List<Long> lateMs) {
        public Spread {
            lateMs = List.copyOf(lateMs);
        }

        /** Whether the segments began too far apart for their loads to have been one ({@link #MAX_START_SPREAD_MS}). */
        public boolean drifted() {
            return spreadMs > MAX_START_SPREAD_MS;
        }

        /** The reason the merged report gives for the run's scenario not being valid. */
        public String reason() {
            return describe(new Key(id, ordinal)) + ": segments began this run up to " + spreadMs
                    + " ms apart: their loads did not overlap as one";
        }
    }

    /**
     * Every measured run's start spread, in the first segment's order. Only segments that sent
     * something in the run count (a fan-out's idle segments write an empty share the moment they
     * reach it), and only starts that are known (runs.json of older versions has none): a run no
     * segment has a known start of is left out.
     *
     * @param starts each segment's run starts in epoch ms, in the order of its runs
     *               ({@link RunStarts#UNKNOWN}: not known); a shorter list means the rest are unknown
     */
    public static List<Spread> spreads(List<List<RunResult>> segments, List<List<Long>> starts) {
        Map<Key, long[]> bySegment = new LinkedHashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            List<RunResult> runs = segments.get(s);
            List<Long> mine = s < starts.size() ? starts.get(s) : List.of();
            Map<RunId, Integer> seen = new HashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                RunResult r = runs.get(i);
                int ordinal = seen.merge(r.id(), 1, Integer::sum);
                long start = i < mine.size() ? mine.get(i) : RunStarts.UNKNOWN;
                if (r.warmup() || r.sentNothing() || start == RunStarts.UNKNOWN) {
                    continue;
                }
                long[] each = bySegment.computeIfAbsent(new Key(r.id(), ordinal), k -> {
                    long[] none = new long[segments.size()];
                    Arrays.fill(none, RunStarts.UNKNOWN);
                    return none;
                });
                each[s] = start;
            }
        }
        List<Spread> spreads = new ArrayList<>();
        bySegment.forEach((key, each) -> {
            long min = Arrays.stream(each).filter(t -> t != RunStarts.UNKNOWN).min().orElseThrow();
            long max = Arrays.stream(each).filter(t -> t != RunStarts.UNKNOWN).max().orElseThrow();
            List<Long> late = Arrays.stream(each).map(t -> t == RunStarts.UNKNOWN ? -1 : t - min).boxed()
                    .toList();
            int sending = (int) Arrays.stream(each).filter(t -> t != RunStarts.UNKNOWN).count();
            spreads.add(new Spread(key.id(), key.ordinal(), sending, max - min, late));
        });
        return spreads;
    }

    private static String describe(Key key) {
        RunId id = key.id();
        return "'" + id.scenario() + "' " + id.server().label() + " repetition " + id.repetition()
                + (key.ordinal() > 1 ? " step " + key.ordinal() : "");
    }

    /** The shares of one run, from every segment that ran it, added: one {@link RunResult#add} per share. */
    public static RunResult merge(List<RunResult> shares) {
        RunResult sum = shares.get(0);
        for (RunResult share : shares.subList(1, shares.size())) {
            sum = sum.add(share);
        }
        return sum;
    }
}
