package iobench.bench.segment;

import iobench.bench.load.EmptyRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.Strategy;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.json keeps every figure of every run, histograms included, exactly. */
class RunsJsonTest {
    private static LatencySummary latency(long... micros) {
        Histogram h = Histograms.concurrent();
        for (long v : micros) {
            h.recordValue(v);
        }
        return LatencySummary.of(h);
    }

    @Test
    void everyRunComesBackAsItWasWritten(@TempDir Path dir) throws Exception {
        RunResult rate = RunBuilder.run("steady", ScenarioKind.RATE, Contender.VIRTUAL).repetition(2)
                .offered(10, 1, 3, 400).outcome(398, 2, Map.of("timeout", 2)).errorSamples(Map.of("timeout", "late"))
                .durationNs(2_012_345_678L).latency(latency(10_100, 10_300, 55_000, 3_000_000))
                .costs(new RunCosts(0.21, 44.5, 12, 300, 18.5, "threads"))
                .conditions(new RunConditions(63.5, 0.8, Double.NaN, Map.of("sim", 12.5, "gc", 0.25)))
                .rate(new RateFigures(200, latency(9_000, 10_000), latency(5, 80, 900), 1, 4, 3, 2)).build();
        RunResult fanOut = RunBuilder.run("low", ScenarioKind.FAN_OUT, Contender.SYNC).repetition(1)
                .offered(1000, 5, 1, 1).outcome(5, 0, Map.of()).durationNs(5_006_000_000L).serverDurationS(5.004)
                .latency(latency(5_006_000)).costs(RunCosts.NONE).conditions(RunConditions.UNKNOWN).build();
        RunResult warmup = RunBuilder.from(fanOut).warmup(true).repetition(0).build();
        RunResult empty = EmptyRun.of(new iobench.scenario.FanOutScenario(new iobench.scenario.Scenario.Common("low", 1000,
                1, List.of(Contender.SYNC), Strategy.SEQUENTIAL, null), 5), Contender.SYNC, 1000, 5, 1, false, null);

        List<RunResult> runs = List.of(warmup, rate, fanOut, empty);
        RunsJson.write(runs, List.of(), dir);
        List<RunResult> back = RunsJson.read(dir);

        assertEquals(runs.size(), back.size());
        for (int i = 0; i < runs.size(); i++) {
            assertSame(runs.get(i), back.get(i));
        }
        assertNull(back.get(2).rate());
        assertTrue(Double.isNaN(back.get(1).conditions().loadgenCpuMs()));
        assertTrue(back.get(3).sentNothing());
    }

    /** Each run's start comes back; a runs.json without them (older versions) reads as unknown. */
    @Test
    void runStartsComeBackAndMissingOnesAreUnknown(@TempDir Path dir) throws Exception {
        RunResult a = RunBuilder.run("a", ScenarioKind.RATE, iobench.bench.contender.Contender.SYNC).repetition(1)
                .offered(10, 1, 1, 1).outcome(1, 0, Map.of()).build();
        RunResult b = RunBuilder.from(a).repetition(2).build();
        RunsJson.write(List.of(a, b), List.of(1_764_496_800_123L, RunStarts.UNKNOWN), dir.resolve("new"));
        assertEquals(List.of(1_764_496_800_123L, RunStarts.UNKNOWN), RunsJson.readStarts(dir.resolve("new")));
        RunsJson.write(List.of(a, b), List.of(), dir.resolve("old"));
        assertEquals(List.of(RunStarts.UNKNOWN, RunStarts.UNKNOWN), RunsJson.readStarts(dir.resolve("old")));
        assertEquals(2, RunsJson.read(dir.resolve("new")).size());
    }

    /** A segment's timeline comes back phase by phase; a runs.json without one (one generator, older versions) has none. */
    @Test
    void theTimelineComesBackAndAFileWithoutOneHasNoPhases(@TempDir Path dir) throws Exception {
        List<PhaseTiming> phases = List.of(
                new PhaseTiming("fan", Contender.SYNC, 0, null, 1_000, 12_013, 1_000, 11_800),
                new PhaseTiming("cap", Contender.fromJsonName("mine"), 2, 160, 12_013, 25_033, 12_015, 25_400));
        RunsJson.write(List.of(), List.of(), phases, dir.resolve("timeline"));
        assertEquals(phases, RunsJson.readPhases(dir.resolve("timeline")));
        assertEquals(367, RunsJson.readPhases(dir.resolve("timeline")).get(1).overrunMs());
        RunsJson.write(List.of(), List.of(), dir.resolve("none"));
        assertEquals(List.of(), RunsJson.readPhases(dir.resolve("none")));
    }

    /** Records compare histograms by identity; every part is compared by value here. */
    private static void assertSame(RunResult want, RunResult got) {
        assertEquals(want.id(), got.id());
        assertEquals(want.offered(), got.offered());
        assertEquals(want.outcome(), got.outcome());
        assertLatency(want.latency(), got.latency());
        assertEquals(want.costs(), got.costs());
        assertEquals(want.conditions(), got.conditions());
        if (want.rate() != null) {
            RateFigures w = want.rate();
            RateFigures g = got.rate();
            assertEquals(List.of(w.offeredRps(), w.dropped(), w.connections(), w.peakInFlight(), w.neededInFlight()),
                    List.of(g.offeredRps(), g.dropped(), g.connections(), g.peakInFlight(), g.neededInFlight()));
            assertLatency(w.uncorrected(), g.uncorrected());
            assertLatency(w.dispatchLag(), g.dispatchLag());
        }
    }

    private static void assertLatency(LatencySummary want, LatencySummary got) {
        assertEquals(List.of(want.p50Ms(), want.p90Ms(), want.p99Ms(), want.maxMs(), (double) want.count()),
                List.of(got.p50Ms(), got.p90Ms(), got.p99Ms(), got.maxMs(), (double) got.count()));
        assertEquals(want.histogramMicros(), got.histogramMicros());
    }
}
