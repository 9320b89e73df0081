package iobench.bench.segment;

import iobench.bench.load.EmptyRun;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

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
                if (r.warmup() || EmptyRun.isEmpty(r) || start == RunStarts.UNKNOWN) {
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

    /** The shares of one run, from every segment that ran it, added. */
    public static RunResult merge(List<RunResult> shares) {
        RunResult first = shares.get(0);
        int successful = 0;
        int failed = 0;
        int staleRetries = 0;
        int clients = 0;
        int requests = 0;
        long durationNs = 0;
        double serverDurationS = Double.NaN;
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        for (RunResult r : shares) {
            successful += r.successful();
            failed += r.failed();
            staleRetries += r.staleRetries();
            clients += r.clients();
            requests += r.requests();
            durationNs = Math.max(durationNs, r.durationNs());
            r.errors().forEach((kind, n) -> errors.merge(kind, n, Integer::sum));
            // The first message of each kind, in segment order.
            r.errorSamples().forEach(samples::putIfAbsent);
            if (Double.isNaN(serverDurationS)) {
                serverDurationS = r.serverDurationS();
            }
        }
        RateFigures rate = first.rate() == null ? null : rate(shares);
        return new RunResult(first.id(), new Offered(first.delayMs(), first.concurrent(), clients, requests),
                new Outcome(successful, failed, errors, samples, durationNs, serverDurationS, staleRetries),
                latency(shares, RunResult::latency), costs(shares), conditions(shares, rate), rate);
    }

    /** The sum of the shares' histograms, and its percentiles. */
    static LatencySummary latency(List<RunResult> shares, Function<RunResult, LatencySummary> part) {
        Histogram sum = Histograms.concurrent();
        for (RunResult r : shares) {
            Histogram h = part.apply(r).histogramMicros();
            if (h == null) {
                throw new IllegalArgumentException("run '" + r.scenario() + "' " + r.server().label()
                        + " has no histogram to add");
            }
            sum.add(h);
        }
        return LatencySummary.of(sum);
    }

    private static RateFigures rate(List<RunResult> shares) {
        int offered = 0;
        int dropped = 0;
        int connections = 0;
        int peak = 0;
        int needed = 0;
        boolean connectionLimited = false;
        for (RunResult r : shares) {
            RateFigures f = r.rate();
            offered += f.offeredRps();
            dropped += f.dropped();
            if (EmptyRun.isEmpty(r)) {
                // A share with nothing to send opened no connection and needed none, whatever its
                // figures' per-segment minimum of one says.
                continue;
            }
            connections += f.connections();
            // The segments' peaks need not coincide: their sum is an upper bound of the union's.
            peak += f.peakInFlight();
            connectionLimited |= f.connections() > 0 && f.connections() < f.neededInFlight();
        }
        // From the summed rate, as one generator computes it: the segments' ceilings, each rounded
        // up from a fraction of the rate, summed to more than the run needs (3 x 1 for 1).
        needed = (int) Math.max(1, Math.ceil(offered * shares.get(0).delayMs() / 1000.0));
        if (connectionLimited && connections >= needed) {
            // A segment had fewer connections than its share needed: the sums alone would hide it.
            needed = connections + 1;
        }
        return new RateFigures(offered, latency(shares, r -> r.rate().uncorrected()),
                latency(shares, r -> r.rate().dispatchLag()), dropped, connections, peak, needed);
    }

    /** Each segment's machine is its own: the busiest machine and the latest generator speak for the run. */
    private static RunConditions conditions(List<RunResult> shares, RateFigures rate) {
        double cpu = max(shares, r -> r.conditions().machineCpuPct());
        double lag = max(shares, r -> r.conditions().loadgenLagP99Ms());
        double loadgenCpu = shares.stream().mapToDouble(r -> r.conditions().loadgenCpuMs()).sum();
        Map<String, Double> cpuShares = new TreeMap<>();
        shares.forEach(r -> r.conditions().cpuSharePct().forEach((part, pct) -> cpuShares.merge(part, pct, Math::max)));
        return new RunConditions(cpu, lag, loadgenCpu, cpuShares);
    }

    private static double max(List<RunResult> shares, ToDoubleFunction<RunResult> figure) {
        return shares.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /**
     * Per-call costs are the server's over the run's calls. Where one segment alone sent the run
     * (a fan-out), its figures are the run's; where several did, each saw the server serve them
     * all, so no segment's figure is per call of the run: none. (Segments against external servers
     * meter nothing anyway.)
     */
    private static RunCosts costs(List<RunResult> shares) {
        List<RunCosts> measured = shares.stream().filter(r -> !EmptyRun.isEmpty(r)).map(RunResult::costs).toList();
        return measured.size() == 1 ? measured.get(0) : RunCosts.NONE;
    }
}
