package iobench.report;

import iobench.bench.metrics.RunResult;
import iobench.bench.segment.PhaseTiming;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.Timeline;
import iobench.report.summary.SummarySegments;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.json's {@code segments} of a merged run: the figures of report.md's Segments section
 * ({@link SegmentsSection}) for machines: each segment, every measured run's start spread, and
 * every phase that overran its slot.
 */
public final class SegmentsJson {
    private SegmentsJson() {
    }

    /** The arguments as {@link SegmentsSection#render} takes them. */
    public static SummarySegments of(List<SegmentRecord> segments, List<List<RunResult>> perSegment,
                                     List<RunMerge.Spread> spreads, List<List<PhaseTiming>> overruns) {
        SegmentRecord first = segments.get(0);
        Long most = spreads.isEmpty() ? null : spreads.stream().mapToLong(RunMerge.Spread::spreadMs).max().orElse(0);
        List<SummarySegments.Segment> each = new ArrayList<>();
        List<SummarySegments.Overrun> over = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            List<RunResult> measured = perSegment.get(i).stream().filter(r -> !r.warmup()).toList();
            long late = SegmentsSection.latestAfterEarliestMs(spreads, i);
            each.add(new SummarySegments.Segment(s.segment().toString(), s.host(), s.iobenchVersion(),
                    s.startOffsetMs(), measured.stream().mapToLong(RunResult::requests).sum(),
                    measured.stream().mapToLong(RunResult::failed).sum(), late < 0 ? null : late,
                    overruns.get(i).size(), overruns.get(i).stream().mapToLong(PhaseTiming::overrunMs).max().orElse(0)));
            for (PhaseTiming p : overruns.get(i)) {
                over.add(new SummarySegments.Overrun(s.segment().toString(), p.warmup() ? "warmup" : "measured",
                        p.scenario(), p.server().label(), p.repetition(), p.ratePerS(), p.slotMs(), p.overrunMs(),
                        p.overrunMs() <= Timeline.OVERRUN_TOLERANCE_MS));
            }
        }
        List<SummarySegments.Run> runs = spreads.stream().map(sp -> new SummarySegments.Run(sp.id().scenario(),
                sp.id().server().label(), sp.id().repetition(), sp.ordinal(), sp.sending(), sp.spreadMs(),
                !sp.drifted())).toList();
        return new SummarySegments(first.runId(), first.count(), first.startAt(), SegmentsSection.startSpreadMs(segments),
                SegmentsSection.MAX_START_SPREAD_MS, Timeline.OVERRUN_TOLERANCE_MS, most, each, runs, over);
    }
}
