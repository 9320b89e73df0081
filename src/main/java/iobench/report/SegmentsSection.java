package iobench.report;

import iobench.bench.metrics.RunResult;
import iobench.bench.segment.SegmentRecord;
import java.util.List;
import java.util.Locale;

/**
 * report.md's section on a merged run: one row per segment (where it ran, how late it began,
 * what it sent), and a warning when their starts lie too far apart for the load to have been one.
 */
public final class SegmentsSection {
    /**
     * Segments that began more than this apart did not send one schedule together: at the rates
     * iobench offers, a second is hundreds of requests sent early or late, which the merged
     * percentiles would not show.
     */
    public static final long MAX_START_SPREAD_MS = 1_000;

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

    /** @param perSegment each segment's own runs, in segment order */
    public static String render(List<SegmentRecord> segments, List<List<RunResult>> perSegment) {
        SegmentRecord first = segments.get(0);
        StringBuilder md = new StringBuilder("\n## Segments\n\n");
        md.append(String.format(Locale.ROOT, "Merged from %d segments of run `%s` (scenario file %s, SHA-256 `%s`), "
                        + "started at `%s`. Histograms were added, counts summed.%n%n", segments.size(), first.runId(),
                first.scenarioSource(), first.scenarioSha256().substring(0, 12), first.startAt()));
        String skew = skew(segments);
        if (skew != null) {
            md.append("**").append(skew).append(".**\n\n");
        }
        md.append("| segment | host | iobench | start offset ms | measured requests | failed |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            List<RunResult> measured = perSegment.get(i).stream().filter(r -> !r.warmup()).toList();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %+d | %d | %d |%n", s.segment(), s.host(),
                    s.iobenchVersion(), s.startOffsetMs(), measured.stream().mapToLong(RunResult::requests).sum(),
                    measured.stream().mapToLong(RunResult::failed).sum()));
        }
        return md.toString();
    }
}
