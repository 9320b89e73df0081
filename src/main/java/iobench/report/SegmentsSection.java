package iobench.report;

import iobench.bench.contender.Contender;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.PhaseTiming;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md's section on a merged run: one row per segment (where it ran, how late it began,
 * what it sent, how far behind the others its runs began, what overran its slot), every run's
 * start spread, and a warning when the segments' starts lie too far apart for the load to have been one.
 */
public final class SegmentsSection {
    /** The most a run's segments may begin apart ({@link RunMerge#MAX_START_SPREAD_MS}). */
    public static final long MAX_START_SPREAD_MS = RunMerge.MAX_START_SPREAD_MS;

    private SegmentsSection() {
    }

    /**
     * The spread of the segments' actual start instants in ms: the latest less the earliest. Not of
     * each one's offset against its own start time: with {@code +30s} every segment resolves its
     * own instant, so offsets of 0 can hide starts far apart.
     */
    public static long startSpreadMs(List<SegmentRecord> segments) {
        long min = segments.stream().mapToLong(SegmentRecord::actualStartEpochMs).min().orElse(0);
        long max = segments.stream().mapToLong(SegmentRecord::actualStartEpochMs).max().orElse(0);
        return max - min;
    }

    /** The warning line when the starts lie over {@link #MAX_START_SPREAD_MS} apart, or null. */
    public static String skew(List<SegmentRecord> segments) {
        long spread = startSpreadMs(segments);
        return spread <= MAX_START_SPREAD_MS ? null : String.format(Locale.ROOT,
                "start spread: the segments began %d ms apart (over %d ms; each read on its own clock): their loads did "
                        + "not overlap as one schedule, so the merged figures are not those of one generator",
                spread, MAX_START_SPREAD_MS);
    }

    /** The console's line on the runs' start spreads and the slots overrun; null when no run's starts are known. */
    public static String spreadLine(List<RunMerge.Spread> spreads, List<List<PhaseTiming>> overruns) {
        if (spreads.isEmpty()) {
            return null;
        }
        long over = overruns.stream().mapToLong(List::size).sum();
        return String.format(Locale.ROOT, "start spread of the %d measured runs: at most %d ms (limit %d ms); %s",
                spreads.size(), spreads.stream().mapToLong(RunMerge.Spread::spreadMs).max().orElse(0),
                MAX_START_SPREAD_MS, over == 0 ? "no phase overran its slot" : over + " phase(s) overran their slots, "
                        + "at most by " + overruns.stream().flatMap(List::stream).mapToLong(PhaseTiming::overrunMs)
                        .max().orElse(0) + " ms");
    }

    /** One console line per phase that overran its slot by more than the tolerance; empty when none did. */
    public static List<String> overrunLines(List<SegmentRecord> segments, List<List<PhaseTiming>> overruns) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            for (PhaseTiming p : overruns.get(i)) {
                if (p.overrunMs() > Timeline.OVERRUN_TOLERANCE_MS) {
                    lines.add("segment " + segments.get(i).segment() + " overran its slot of " + p.label() + " by "
                            + p.overrunMs() + " ms (over the " + Timeline.OVERRUN_TOLERANCE_MS + " ms tolerance): "
                            + "the phase after it began that late on that segment");
                }
            }
        }
        return lines;
    }

    /**
     * @param perSegment each segment's own runs, in segment order
     * @param spreads    every measured run's start spread ({@link RunMerge#spreads})
     * @param overruns   each segment's phases that ended after their slot, in segment order
     */
    public static String render(List<SegmentRecord> segments, List<List<RunResult>> perSegment,
                                List<RunMerge.Spread> spreads, List<List<PhaseTiming>> overruns) {
        SegmentRecord first = segments.get(0);
        StringBuilder md = new StringBuilder("\n## Segments\n\n");
        md.append(String.format(Locale.ROOT, "Merged from %d segments of run `%s` (scenario file %s, SHA-256 `%s`), "
                        + "started at `%s`. Histograms were added, counts summed.%n%n", segments.size(), first.runId(),
                first.scenarioSource(), first.scenarioSha256().substring(0, 12), first.startAt()));
        String skew = skew(segments);
        if (skew != null) {
            md.append("**").append(skew).append(".**\n\n");
        }
        md.append("| segment | host | iobench | start offset ms | measured requests | failed "
                + "| runs begun after the earliest segment, most ms | slots overrun (most ms) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            List<RunResult> measured = perSegment.get(i).stream().filter(r -> !r.warmup()).toList();
            long late = latestAfterEarliestMs(spreads, i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %+d | %d | %d | %s | %s |%n", s.segment(), s.host(),
                    s.iobenchVersion(), s.startOffsetMs(), measured.stream().mapToLong(RunResult::requests).sum(),
                    measured.stream().mapToLong(RunResult::failed).sum(), late < 0 ? "–" : Long.toString(late),
                    overrunCell(overruns.get(i))));
        }
        spreadTable(md, spreads);
        overrunTable(md, segments, overruns);
        return md.toString();
    }

    /** The most segment {@code segment} (0-based) began a run after that run's earliest segment; -1 if it sent in none. */
    static long latestAfterEarliestMs(List<RunMerge.Spread> spreads, int segment) {
        return spreads.stream().mapToLong(s -> segment < s.lateMs().size() ? s.lateMs().get(segment) : -1)
                .max().orElse(-1);
    }

    private static String overrunCell(List<PhaseTiming> overruns) {
        return overruns.isEmpty() ? "0" : overruns.size() + " ("
                + overruns.stream().mapToLong(PhaseTiming::overrunMs).max().orElse(0) + ")";
    }

    /** One row per scenario and server: the start spread of each of its runs, in the order they ran. */
    private static void spreadTable(StringBuilder md, List<RunMerge.Spread> spreads) {
        if (spreads.isEmpty()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%n### Start spread of every run%n%nHow far apart the segments that sent "
                + "something in a run began it (the latest start less the earliest, each on its own clock), per "
                + "repetition (and rate step) in order. Over %d ms a run is not valid.%n%n", MAX_START_SPREAD_MS));
        md.append("| scenario | server | segments sending | start spread per run, ms | most ms |\n");
        md.append("|---|---|---|---|---|\n");
        Map<String, List<RunMerge.Spread>> rows = new LinkedHashMap<>();
        spreads.forEach(s -> rows.computeIfAbsent(s.id().scenario() + "\n" + s.id().server().jsonName(),
                k -> new ArrayList<>()).add(s));
        rows.values().forEach(row -> {
            Contender server = row.get(0).id().server();
            List<String> sending = row.stream().map(s -> Integer.toString(s.sending())).distinct().toList();
            md.append("| ").append(row.get(0).id().scenario()).append(" | ").append(server.label())
                    .append(" | ").append(String.join(", ", sending))
                    .append(" | ").append(String.join(", ", row.stream().map(RunMerge.Spread::spreadMs)
                            .map(ms -> ms > MAX_START_SPREAD_MS ? "**" + ms + "**" : Long.toString(ms)).toList()))
                    .append(" | ").append(row.stream().mapToLong(RunMerge.Spread::spreadMs).max().orElse(0))
                    .append(" |\n");
        });
    }

    private static void overrunTable(StringBuilder md, List<SegmentRecord> segments, List<List<PhaseTiming>> overruns) {
        if (overruns.stream().allMatch(List::isEmpty)) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%n### Slots overrun%n%nPhases that ended after their slot of the "
                + "segments' one timeline: the phase after each began that late on its segment. Up to %d ms keeps "
                + "that run within the start-spread limit; beyond it the run is named above.%n%n",
                Timeline.OVERRUN_TOLERANCE_MS));
        md.append("| segment | phase | slot s | overran by ms | within tolerance |\n|---|---|---|---|---|\n");
        for (int i = 0; i < segments.size(); i++) {
            for (PhaseTiming p : overruns.get(i)) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %d | %s |%n", segments.get(i).segment(),
                        p.label(), p.slotMs() / 1000.0, p.overrunMs(),
                        p.overrunMs() <= Timeline.OVERRUN_TOLERANCE_MS ? "yes" : "**no**"));
            }
        }
    }
}
