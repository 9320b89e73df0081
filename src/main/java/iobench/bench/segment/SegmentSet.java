package iobench.bench.segment;

import iobench.bench.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report directories of the N segments of one run, checked: each holds a complete segment
 * of the same run (same scenario file, N and start time), none is missing and none is given
 * twice. Anything else is a {@link Refused} naming the problem and the directory, before
 * anything is merged or written.
 *
 * @param segments in segment order
 * @param runs     each segment's runs.json, in the same order
 * @param starts   each segment's run starts (epoch ms, {@link RunStarts#UNKNOWN} where not known), as its runs
 * @param phases   each segment's timeline ({@link Timeline}), empty where it has none
 */
public record SegmentSet(List<SegmentRecord> segments, List<Path> dirs, List<List<RunResult>> runs,
                         List<List<Long>> starts, List<List<PhaseTiming>> phases) {
    /** Not the N segments of one run; the message names the problem and the directory. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The first line of an error's message: a refusal is one line. */
    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public static SegmentSet load(List<Path> dirs) throws Refused {
        if (dirs.isEmpty()) {
            throw new Refused("no segment directories given; expected the N report directories of one bench --segment run");
        }
        List<SegmentRecord> records = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                records.add(SegmentRecord.read(dir));
            } catch (IOException | RuntimeException e) {
                throw new Refused(dir + ": cannot read " + SegmentRecord.FILE + ": " + oneLine(e));
            }
        }
        SegmentRecord first = records.get(0);
        Map<Integer, Path> byIndex = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            SegmentRecord r = records.get(i);
            Path dir = dirs.get(i);
            String other = otherRun(first, r);
            if (other != null) {
                throw new Refused(dir + " is a segment of another run than " + dirs.get(0) + " (" + other + ")");
            }
            if (!r.complete()) {
                throw new Refused(dir + ": segment " + r.segment() + " was cut short; only complete segments merge");
            }
            Path twice = byIndex.putIfAbsent(r.index(), dir);
            if (twice != null) {
                throw new Refused("segment " + r.segment() + " is given twice: " + twice + " and " + dir);
            }
        }
        for (int index = 1; index <= first.count(); index++) {
            if (!byIndex.containsKey(index)) {
                throw new Refused("segment " + index + "/" + first.count() + " of run " + first.runId()
                        + " is missing: the run has " + first.count() + " segments, " + dirs.size() + " given");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> records.get(i).index()));
        List<SegmentRecord> sorted = new ArrayList<>();
        List<Path> sortedDirs = new ArrayList<>();
        List<List<RunResult>> runs = new ArrayList<>();
        List<List<Long>> starts = new ArrayList<>();
        List<List<PhaseTiming>> phases = new ArrayList<>();
        for (int i : order) {
            sorted.add(records.get(i));
            sortedDirs.add(dirs.get(i));
            try {
                runs.add(RunsJson.read(dirs.get(i)));
                starts.add(RunsJson.readStarts(dirs.get(i)));
                phases.add(RunsJson.readPhases(dirs.get(i)));
            } catch (IOException | RuntimeException e) {
                throw new Refused(dirs.get(i) + ": cannot read " + RunsJson.FILE + ": " + oneLine(e));
            }
        }
        return new SegmentSet(List.copyOf(sorted), List.copyOf(sortedDirs), List.copyOf(runs), List.copyOf(starts),
                List.copyOf(phases));
    }

    /** How {@code r} differs from the run of {@code first}, or null when it is a segment of the same run. */
    private static String otherRun(SegmentRecord first, SegmentRecord r) {
        if (!first.scenarioSha256().equals(r.scenarioSha256())) {
            return "its scenario file differs: SHA-256 " + abbrev(r.scenarioSha256()) + ", not "
                    + abbrev(first.scenarioSha256());
        }
        if (first.count() != r.count()) {
            return "it is one of " + r.count() + " segments, not " + first.count();
        }
        if (!first.startAt().equals(r.startAt())) {
            return "it started at " + r.startAt() + ", not " + first.startAt();
        }
        if (!first.runId().equals(r.runId())) {
            return "run id " + r.runId() + ", not " + first.runId();
        }
        if (!first.targetOptions().equals(r.targetOptions())) {
            return "its --target options differ: " + r.targetOptions() + ", not " + first.targetOptions();
        }
        return null;
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    public SegmentRecord first() {
        return segments.get(0);
    }

    /** Every measured run's start spread ({@link RunMerge#spreads}). */
    public List<RunMerge.Spread> spreads() {
        return RunMerge.spreads(runs, starts);
    }

    /** Each segment's phases that ended after their slot, in segment order; empty lists where none did. */
    public List<List<PhaseTiming>> overruns() {
        return phases.stream().map(p -> p.stream().filter(t -> t.overrunMs() > 0).toList()).toList();
    }

    /** Every segment's runs added place by place ({@link RunMerge#mergeAll}). */
    public List<RunResult> merged() throws Refused {
        try {
            return RunMerge.mergeAll(runs);
        } catch (IllegalArgumentException e) {
            throw new Refused("the segments of run " + first().runId() + " do not hold the same runs: " + e.getMessage());
        }
    }
}
