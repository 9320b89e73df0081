package iobench.report.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * summary.json's {@code segments} of a merged run: the figures of report.md's Segments section
 * for machines: each segment, every measured run's start spread, and every phase that overran its
 * slot.
 *
 * @param mostRunStartSpreadMs null when no run had a start to compare
 */
public record SummarySegments(String runId, int count, String startAt, long firstStartSpreadMs,
                              long maxStartSpreadMs, long overrunToleranceMs, Long mostRunStartSpreadMs,
                              List<Segment> segments, List<Run> runs, List<Overrun> overruns) {
    public SummarySegments {
        segments = Lists.of(segments);
        runs = Lists.of(runs);
        overruns = Lists.of(overruns);
    }

    /**
     * One segment (generator) of the run.
     *
     * @param segment                        {@code i/n}
     * @param latestRunStartAfterEarliestMs  null when none of its runs had a start to compare
     */
    public record Segment(String segment, String host, String iobench, long startOffsetMs, long measuredRequests,
                          long failed, Long latestRunStartAfterEarliestMs, int slotsOverrun, long mostOverrunMs) {
    }

    /** One measured run: how far apart its segments started it. */
    public record Run(String scenario, String server, int repetition, int step, int segmentsSending,
                      long startSpreadMs, boolean withinLimit) {
    }

    /**
     * A phase that ended after its slot.
     *
     * @param phase    warmup or measured
     * @param ratePerS the staircase step's rate; absent (null) outside rate scenarios
     */
    public record Overrun(String segment, String phase, String scenario, String server, int repetition,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer ratePerS, long slotMs, long overrunMs,
                          boolean withinTolerance) {
    }
}
