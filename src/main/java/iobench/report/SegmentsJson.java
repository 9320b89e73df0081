package iobench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.bench.metrics.RunResult;
import iobench.bench.segment.PhaseTiming;
import iobench.bench.segment.RunMerge;
import iobench.bench.segment.SegmentRecord;
import iobench.bench.segment.Timeline;
import java.util.List;

/**
 * summary.json's {@code segments} of a merged run: the figures of report.md's Segments section
 * ({@link SegmentsSection}) for machines: each segment, every measured run's start spread, and
 * every phase that overran its slot.
 */
public final class SegmentsJson {
    public static final String KEY = "segments";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentsJson() {
    }

    /** The arguments as {@link SegmentsSection#render} takes them. */
    public static ObjectNode of(List<SegmentRecord> segments, List<List<RunResult>> perSegment,
                                List<RunMerge.Spread> spreads, List<List<PhaseTiming>> overruns) {
        SegmentRecord first = segments.get(0);
        ObjectNode root = JSON.createObjectNode().put("run_id", first.runId()).put("count", first.count())
                .put("start_at", first.startAt()).put("first_start_spread_ms", SegmentsSection.startSpreadMs(segments))
                .put("max_start_spread_ms", SegmentsSection.MAX_START_SPREAD_MS)
                .put("overrun_tolerance_ms", Timeline.OVERRUN_TOLERANCE_MS);
        if (spreads.isEmpty()) {
            root.putNull("most_run_start_spread_ms");
        } else {
            root.put("most_run_start_spread_ms", spreads.stream().mapToLong(RunMerge.Spread::spreadMs).max().orElse(0));
        }
        ArrayNode each = root.putArray("segments");
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            List<RunResult> measured = perSegment.get(i).stream().filter(r -> !r.warmup()).toList();
            long late = SegmentsSection.latestAfterEarliestMs(spreads, i);
            ObjectNode o = each.addObject().put("segment", s.segment().toString()).put("host", s.host())
                    .put("iobench", s.iobenchVersion()).put("start_offset_ms", s.startOffsetMs())
                    .put("measured_requests", measured.stream().mapToLong(RunResult::requests).sum())
                    .put("failed", measured.stream().mapToLong(RunResult::failed).sum());
            if (late < 0) {
                o.putNull("latest_run_start_after_earliest_ms");
            } else {
                o.put("latest_run_start_after_earliest_ms", late);
            }
            o.put("slots_overrun", overruns.get(i).size())
                    .put("most_overrun_ms", overruns.get(i).stream().mapToLong(PhaseTiming::overrunMs).max().orElse(0));
        }
        ArrayNode runs = root.putArray("runs");
        for (RunMerge.Spread sp : spreads) {
            runs.addObject().put("scenario", sp.id().scenario()).put("server", sp.id().server().label())
                    .put("repetition", sp.id().repetition()).put("step", sp.ordinal())
                    .put("segments_sending", sp.sending()).put("start_spread_ms", sp.spreadMs())
                    .put("within_limit", !sp.drifted());
        }
        ArrayNode over = root.putArray("overruns");
        for (int i = 0; i < segments.size(); i++) {
            for (PhaseTiming p : overruns.get(i)) {
                ObjectNode o = over.addObject().put("segment", segments.get(i).segment().toString())
                        .put("phase", p.warmup() ? "warmup" : "measured").put("scenario", p.scenario())
                        .put("server", p.server().label()).put("repetition", p.repetition());
                if (p.ratePerS() != null) {
                    o.put("rate_per_s", p.ratePerS());
                }
                o.put("slot_ms", p.slotMs()).put("overrun_ms", p.overrunMs())
                        .put("within_tolerance", p.overrunMs() <= Timeline.OVERRUN_TOLERANCE_MS);
            }
        }
        return root;
    }
}
