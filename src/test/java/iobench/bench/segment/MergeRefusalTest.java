package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.cli.Cli;
import iobench.bench.metrics.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench merge} given anything but the N segments of one run: exit 2, one line naming it, nothing written. */
class MergeRefusalTest {
    private static final String SCENARIOS = "scenarios:\n  - {name: fan, kind: fan-out, delay: 0.01, concurrent: 3}\n";

    @TempDir
    Path dir;

    private Path segment(String name, int index, int count, String scenarios, String startAt) throws Exception {
        Path d = dir.resolve(name);
        String sha = SegmentRecord.sha256(scenarios);
        RunsJson.write(List.of(), List.of(), d);
        new SegmentRecord(SegmentRecord.runId(sha, count, startAt), index, count, sha, "s.yaml", scenarios, startAt,
                1_000, 1_000, "host" + index, "dev", true, 8, 32, List.of(), List.of()).write(d);
        return d;
    }

    /** A segment of a bench given {@code --target} options. */
    private Path segmentWithTargets(String name, int index, List<String> targets) throws Exception {
        Path d = dir.resolve(name);
        String sha = SegmentRecord.sha256(SCENARIOS);
        RunsJson.write(List.of(), List.of(), d);
        new SegmentRecord(SegmentRecord.runId(sha, 2, "+30s"), index, 2, sha, "s.yaml", SCENARIOS, "+30s",
                1_000, 1_000, "host" + index, "dev", true, 8, 32, List.of(), targets).write(d);
        return d;
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran merge(Path... dirs) {
        return mergeTo(dir.resolve("merged"), dirs);
    }

    private Ran mergeTo(Path outDir, Path... dirs) {
        List<String> args = new ArrayList<>(List.of("merge", "--out", outDir.toString()));
        for (Path d : dirs) {
            args.add(d.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Ran(exit, out.toString(), err.toString());
    }

    private void assertRefused(Ran ran, String... named) {
        assertEquals(2, ran.exit(), ran.err());
        List<String> lines = ran.err().lines().toList();
        assertEquals(1, lines.size(), ran.err());
        assertFalse(ran.err().contains("\tat "), "no stack trace");
        for (String n : named) {
            assertTrue(lines.get(0).contains(n), lines.get(0) + " should name " + n);
        }
        assertFalse(Files.exists(dir.resolve("merged").resolve("report.md")), "nothing written");
    }

    @Test
    void segmentsGivenOtherTargetOptionsAreNotOneRun() throws Exception {
        Path one = segmentWithTargets("a", 1, List.of("mine=http://127.0.0.1:9000/w?d={delay}"));
        Path two = segmentWithTargets("b", 2, List.of("mine=http://127.0.0.1:9001/w?d={delay}"));
        assertRefused(merge(one, two), "its --target options differ", "9001", "9000");
    }

    @Test
    void aMissingSegmentIsNamed() throws Exception {
        Path one = segment("a", 1, 3, SCENARIOS, "+30s");
        Path three = segment("c", 3, 3, SCENARIOS, "+30s");
        assertRefused(merge(one, three), "segment 2/3", "is missing");
    }

    @Test
    void theSameSegmentTwiceIsNamedWithBothDirectories() throws Exception {
        Path one = segment("a", 1, 2, SCENARIOS, "+30s");
        Path again = segment("b", 1, 2, SCENARIOS, "+30s");
        Path two = segment("c", 2, 2, SCENARIOS, "+30s");
        assertRefused(merge(one, again, two), "segment 1/2 is given twice", one.toString(), again.toString());
    }

    @Test
    void segmentsOfDifferentRunsAreNamed() throws Exception {
        Path one = segment("a", 1, 2, SCENARIOS, "+30s");
        Path otherFile = segment("b", 2, 2, SCENARIOS + "  - {name: x, kind: fan-out, delay: 0.01, concurrent: 1}\n",
                "+30s");
        assertRefused(merge(one, otherFile), otherFile.toString(), "another run", "scenario file differs");
        Path otherStart = segment("c", 2, 2, SCENARIOS, "2026-11-30T10:00:00Z");
        assertRefused(merge(one, otherStart), otherStart.toString(), "another run", "started at");
        Path otherCount = segment("d", 2, 3, SCENARIOS, "+30s");
        assertRefused(merge(one, otherCount), otherCount.toString(), "another run", "one of 3 segments, not 2");
    }

    @Test
    void aDirectoryThatIsNoSegmentIsNamed() throws Exception {
        Path one = segment("a", 1, 2, SCENARIOS, "+30s");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertRefused(merge(one, plain), plain.toString(), "segment.json");
    }

    /** The merged report must not overwrite a segment's own files. */
    @Test
    void anOutDirectoryThatIsOrIsInsideASegmentIsRefused() throws Exception {
        Path one = segment("a", 1, 2, SCENARIOS, "+30s");
        Path two = segment("b", 2, 2, SCENARIOS, "+30s");
        for (Path out : List.of(two, two.resolve("merged"), dir.resolve("a/../b/x"))) {
            Ran ran = mergeTo(out, one, two);
            assertEquals(2, ran.exit(), ran.err());
            assertEquals(1, ran.err().lines().count(), ran.err());
            assertTrue(ran.err().contains("--out " + out + " is ") && ran.err().contains("segment directory " + two),
                    ran.err());
            assertFalse(Files.exists(two.resolve("report.md")), "the segment untouched");
        }
    }

    /** A corrupt segment.json or runs.json is one line naming the directory, never a stack trace. */
    @Test
    void aCorruptSegmentFileIsOneLineNamingIt() throws Exception {
        Path one = segment("a", 1, 2, SCENARIOS, "+30s");
        Path two = segment("b", 2, 2, SCENARIOS, "+30s");
        String good = Files.readString(two.resolve("segment.json"));
        Files.writeString(two.resolve("segment.json"), good.replace("\"index\" : 2", "\"index\" : 5"));
        assertRefused(merge(one, two), two.toString(), "index 5 of count 2");
        String sha = SegmentRecord.sha256(SCENARIOS);
        Files.writeString(two.resolve("segment.json"), good.replace(sha, sha.substring(0, 8)));
        assertRefused(merge(one, two), two.toString(), "scenario_sha256");
        Files.writeString(two.resolve("segment.json"), good.substring(0, good.length() / 2));
        assertRefused(merge(one, two), two.toString(), "segment.json is not JSON");
        Files.writeString(two.resolve("segment.json"), good);
        Files.writeString(two.resolve("runs.json"), "{\"format\": \"iobench-runs/1\", \"runs\": [{\"kind\"");
        assertRefused(merge(one, two), two.toString(), "runs.json is not JSON");
        Files.writeString(two.resolve("runs.json"), "{\"format\": \"iobench-runs/1\", \"runs\": [{\"kind\": \"NOPE\"}]}");
        assertRefused(merge(one, two), two.toString(), "runs.json");
    }

    /** Two segments of one run of 'crowd' (one call of 10.5 ms each), whose second began {@code apartMs} after the first. */
    private Path[] crowdSegments(String thresholds, long apartMs) throws Exception {
        String scenarios = "defaults: {repetitions: 1, warmup: 0, servers: [sync]" + thresholds + "}\n"
                + "scenarios:\n  - {name: crowd, kind: clients, delay: 0.01, clients: 2, requests: 2}\n";
        String sha = SegmentRecord.sha256(scenarios);
        List<Path> dirs = new ArrayList<>();
        for (int index = 1; index <= 2; index++) {
            Path d = dir.resolve("seg" + index);
            org.HdrHistogram.Histogram h = iobench.bench.metrics.Histograms.concurrent();
            h.recordValue(10_500);
            RunResult run = iobench.bench.metrics.RunBuilder.run("crowd", iobench.scenario.ScenarioKind.CLIENTS,
                            iobench.bench.contender.Contender.SYNC).repetition(1).offered(10, 1, 1, 1)
                    .outcome(1, 0, java.util.Map.of()).durationNs(11_000_000)
                    .latency(iobench.bench.metrics.LatencySummary.of(h)).build();
            // Segment 2's warm-up overran its slot by apartMs, so it began the run that late.
            long late = (index - 1) * apartMs;
            RunsJson.write(List.of(run), List.of(1_000_000L + late), List.of(
                    new PhaseTiming("crowd", iobench.bench.contender.Contender.SYNC, 0, null, 990_000, 1_000_000,
                            990_000, 1_000_000 + late),
                    new PhaseTiming("crowd", iobench.bench.contender.Contender.SYNC, 1, null, 1_000_000, 1_002_000,
                            1_000_000 + late, 1_000_020 + late)), d);
            new SegmentRecord(SegmentRecord.runId(sha, 2, "+30s"), index, 2, sha, "s.yaml", scenarios, "+30s",
                    1_000_000, 1_000_000, "host" + index, "dev", true, 8, 32, List.of(), List.of()).write(d);
            dirs.add(d);
        }
        return dirs.toArray(Path[]::new);
    }

    /** A run whose segments began 5 s apart is not valid in the merged report, which merge still writes, with exit 1. */
    @Test
    void aRunWhoseSegmentsBeganApartMakesTheMergedReportNotValidAndMergeExit1() throws Exception {
        Ran ran = merge(crowdSegments("", 5_000));
        assertEquals(1, ran.exit(), ran.err() + ran.out());
        assertTrue(ran.err().contains("segments began this run up to 5000 ms apart: their loads did not overlap as one"),
                ran.err());
        String summary = Files.readString(dir.resolve("merged").resolve("summary.json"));
        assertTrue(summary.contains("\"valid\":false") || summary.contains("\"valid\" : false"), summary);
        assertTrue(summary.contains("5000 ms apart"), summary);
        // The spread of every run, the overruns and the segment table, in summary.json and report.md.
        com.fasterxml.jackson.databind.JsonNode segments = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(summary).path("segments");
        assertEquals(5000, segments.path("runs").path(0).path("start_spread_ms").asLong(), segments.toString());
        assertFalse(segments.path("runs").path(0).path("within_limit").asBoolean(), segments.toString());
        assertEquals(5000, segments.path("segments").path(1).path("latest_run_start_after_earliest_ms").asLong());
        assertEquals(List.of(5000L, 3020L), List.of(segments.path("overruns").path(0).path("overrun_ms").asLong(),
                segments.path("overruns").path(1).path("overrun_ms").asLong()), segments.toString());
        assertTrue(ran.err().contains("segment 2/2 overran its slot of 'crowd' sync warm-up by 5000 ms (over the 1000 ms "
                + "tolerance)"), ran.err());
        String md = Files.readString(dir.resolve("merged").resolve("report.md"));
        assertTrue(md.contains("| crowd | sync | 2 | **5000** | 5000 |"), md);
        assertTrue(md.contains("| 2/2 | host2 | dev | +0 | 1 | 0 | 5000 | 2 (5000) |"), md);
        assertTrue(md.contains("| 2/2 | 'crowd' sync repetition 1 | 2.0 | 3020 | **no** |"), md);
        // report.html shows the same section, the run beyond the spread limit and both slots overrun beyond it marked.
        org.jsoup.nodes.Element section = org.jsoup.Jsoup.parse(dir.resolve("merged").resolve("report.html").toFile(),
                "UTF-8").getElementById("s-segments");
        assertTrue(section != null && section.select("tr.hl").size() == 3, String.valueOf(section));
    }

    /** The merged report judges the thresholds: broken, merge ends with the gate's exit code 4. */
    @Test
    void aThresholdBrokenInTheMergedReportEndsMergeWithExitCode4() throws Exception {
        Ran ran = merge(crowdSegments(", thresholds: {p99-max: 5ms}", 0));
        assertEquals(4, ran.exit(), ran.err() + ran.out());
        assertTrue(ran.out().contains("threshold BROKEN: crowd, sync: p99-max 10.5 ms > 5.0 ms"), ran.out());
    }

    /** Not valid and a threshold broken: 1 wins, the merged figures are not those of one run. */
    @Test
    void aMergedReportNotValidEndsWithExitCode1EvenWhereAThresholdBroke() throws Exception {
        Ran ran = merge(crowdSegments(", thresholds: {p99-max: 5ms}", 5_000));
        assertEquals(1, ran.exit(), ran.err() + ran.out());
        assertTrue(ran.out().contains("threshold BROKEN: crowd, sync: p99-max 10.5 ms > 5.0 ms"), ran.out());
    }
}
