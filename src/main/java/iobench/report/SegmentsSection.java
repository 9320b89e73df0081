package iobench.report;

import iobench.bench.contender.Contender;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.PhaseTiming;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.Timeline;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md's (and report.html's) section on a merged run: one row per segment (where it ran, how late it began,
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
    public static Section section(List<SegmentRecord> segments, List<List<RunResult>> perSegment,
                                  List<RunMerge.Spread> spreads, List<List<PhaseTiming>> overruns) {
        SegmentRecord first = segments.get(0);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.paragraph(Text.of("Merged from " + segments.size() + " segments of run ").thenCode(first.runId())
                .then(" (scenario file " + first.scenarioSource() + ", SHA-256 ")
                .thenCode(first.scenarioSha256().substring(0, 12)).then("), started at ").thenCode(first.startAt())
                .then(". Histograms were added, counts summed.")));
        String skew = skew(segments);
        if (skew != null) {
            blocks.add(Block.paragraph(Text.strong(skew + ".")));
        }
        Table.Builder t = Table.of("segment", "host", "iobench", "start offset ms", "measured requests", "failed",
                "runs begun after the earliest segment, most ms", "slots overrun (most ms)");
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            List<RunResult> measured = perSegment.get(i).stream().filter(r -> !r.warmup()).toList();
            long late = latestAfterEarliestMs(spreads, i);
            t.row(String.valueOf(s.segment()), s.host(), s.iobenchVersion(),
                    String.format(Locale.ROOT, "%+d", s.startOffsetMs()),
                    Long.toString(measured.stream().mapToLong(RunResult::requests).sum()),
                    Long.toString(measured.stream().mapToLong(RunResult::failed).sum()),
                    late < 0 ? "–" : Long.toString(late), overrunCell(overruns.get(i)));
        }
        blocks.add(t.build());
        spreadTable(blocks, spreads);
        overrunTable(blocks, segments, overruns);
        return new Section("Segments", blocks);
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
    private static void spreadTable(List<Block> blocks, List<RunMerge.Spread> spreads) {
        if (spreads.isEmpty()) {
            return;
        }
        blocks.add(Block.heading("Start spread of every run"));
        blocks.add(Block.paragraph("How far apart the segments that sent something in a run began it (the latest start "
                + "less the earliest, each on its own clock), per repetition (and rate step) in order. Over "
                + MAX_START_SPREAD_MS + " ms a run is not valid."));
        Table.Builder t = Table.of("scenario", "server", "segments sending", "start spread per run, ms", "most ms");
        Map<String, List<RunMerge.Spread>> rows = new LinkedHashMap<>();
        spreads.forEach(s -> rows.computeIfAbsent(s.id().scenario() + "\n" + s.id().server().jsonName(),
                k -> new ArrayList<>()).add(s));
        rows.values().forEach(row -> {
            Contender server = row.get(0).id().server();
            List<String> sending = row.stream().map(s -> Integer.toString(s.sending())).distinct().toList();
            // Each spread over the limit in bold; the row is flagged when any is.
            Text spreadsMs = Text.EMPTY;
            for (int i = 0; i < row.size(); i++) {
                long ms = row.get(i).spreadMs();
                spreadsMs = (i == 0 ? spreadsMs : spreadsMs.then(", "))
                        .then(ms > MAX_START_SPREAD_MS ? Text.strong(Long.toString(ms)) : Text.of(Long.toString(ms)));
            }
            long most = row.stream().mapToLong(RunMerge.Spread::spreadMs).max().orElse(0);
            t.row(most > MAX_START_SPREAD_MS, List.of(Text.of(row.get(0).id().scenario()), Text.of(server.label()),
                    Text.of(String.join(", ", sending)), spreadsMs, Text.of(Long.toString(most))));
        });
        blocks.add(t.build());
    }

    private static void overrunTable(List<Block> blocks, List<SegmentRecord> segments, List<List<PhaseTiming>> overruns) {
        if (overruns.stream().allMatch(List::isEmpty)) {
            return;
        }
        blocks.add(Block.heading("Slots overrun"));
        blocks.add(Block.paragraph("Phases that ended after their slot of the segments' one timeline: the phase after "
                + "each began that late on its segment. Up to " + Timeline.OVERRUN_TOLERANCE_MS + " ms keeps that run "
                + "within the start-spread limit; beyond it the run is named above."));
        Table.Builder t = Table.of("segment", "phase", "slot s", "overran by ms", "within tolerance");
        for (int i = 0; i < segments.size(); i++) {
            for (PhaseTiming p : overruns.get(i)) {
                boolean within = p.overrunMs() <= Timeline.OVERRUN_TOLERANCE_MS;
                t.row(!within, List.of(Text.of(String.valueOf(segments.get(i).segment())), Text.of(p.label()),
                        Text.of(String.format(Locale.ROOT, "%.1f", p.slotMs() / 1000.0)),
                        Text.of(Long.toString(p.overrunMs())), within ? Text.of("yes") : Text.strong("no")));
            }
        }
        blocks.add(t.build());
    }
}
