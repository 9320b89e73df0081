package iobench.run;

import iobench.scenario.Durations;
import iobench.bench.segment.PhaseTiming;
import iobench.scenario.Segment;
import iobench.bench.segment.Timeline;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** What a segment of several says on the console about its timeline: when it ends, and what overran its slot. */
final class SegmentTimelines {
    private SegmentTimelines() {
    }

    /** Before the start: where the shared timeline ends, so that every machine's operator knows when to look. */
    static void planned(Segment segment, long originEpochMs, long plannedMs, PrintWriter err) {
        err.println("segment " + segment + ": every phase in its slot of one timeline for all " + segment.count()
                + " segments (warm-ups time-boxed, each run the model's time +25 % +1 s): the last slot ends at "
                + Instant.ofEpochMilli(originEpochMs + plannedMs) + ", " + Durations.format(plannedMs)
                + " after the start");
        err.flush();
    }

    /** After the run: one line per phase that ended after its slot, by how much, and what that did to the next. */
    static void overruns(Segment segment, Timeline timeline, PrintWriter err) {
        List<PhaseTiming> over = timeline.phases().stream().filter(p -> p.overrunMs() > 0).toList();
        for (PhaseTiming p : over) {
            boolean within = p.overrunMs() <= Timeline.OVERRUN_TOLERANCE_MS;
            err.println("segment " + segment + ": " + p.label() + " overran its " + Durations.format(p.slotMs())
                    + " slot by " + p.overrunMs() + " ms (" + (within ? "within" : "over") + " the "
                    + Timeline.OVERRUN_TOLERANCE_MS + " ms tolerance): the phase after it began up to that late"
                    + (within ? "" : "; the merge names it"));
        }
        if (over.isEmpty() && !timeline.phases().isEmpty()) {
            err.println("segment " + segment + ": all " + timeline.phases().size() + " phases ended within their slots");
        }
        err.flush();
    }
}
