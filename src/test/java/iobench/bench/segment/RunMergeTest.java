package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The merge arithmetic: histograms added equal the histogram of the union, counts summed. */
class RunMergeTest {
    private static Histogram histogram(long[] micros) {
        Histogram h = Histograms.concurrent();
        for (long v : micros) {
            h.recordValue(v);
        }
        return h;
    }

    private static long[] samples(Random random, int count, long medianMicros) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            // A long tail: a few samples 20x the median, as a queueing server gives.
            v[i] = medianMicros + (long) (random.nextDouble() * medianMicros) + (i % 50 == 0 ? 20 * medianMicros : 0);
        }
        return v;
    }

    private static RunResult share(long[] latencyMicros, long[] lagMicros, int offeredRps, long durationNs,
                                   RunConditions conditions, Map<String, Integer> errors, Map<String, String> samples) {
        int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
        return RunBuilder.run("steady", ScenarioKind.RATE, Contender.ASYNC).repetition(1)
                .offered(10, 1, 1, latencyMicros.length)
                .outcome(latencyMicros.length - failed, failed, errors).errorSamples(samples).durationNs(durationNs)
                .latency(LatencySummary.of(histogram(latencyMicros))).conditions(conditions)
                .rate(new RateFigures(offeredRps, LatencySummary.of(histogram(latencyMicros)),
                        LatencySummary.of(histogram(lagMicros)), 0, 0, 3, 1))
                .build();
    }

    @Test
    void mergedHistogramsEqualTheHistogramOfTheUnionOfSamples() {
        Random random = new Random(14);
        long[] a = samples(random, 700, 10_000);
        long[] b = samples(random, 650, 12_000);
        long[] c = samples(random, 30, 200_000);
        RunConditions calm = new RunConditions(40, 1.0, Double.NaN);
        List<RunResult> shares = List.of(share(a, new long[] {100, 200}, 67, 2_000_000_000L, calm, Map.of(), Map.of()),
                share(b, new long[] {300}, 67, 2_100_000_000L, calm, Map.of(), Map.of()),
                share(c, new long[] {50}, 66, 1_900_000_000L, calm, Map.of(), Map.of()));
        RunResult merged = RunMerge.merge(shares);

        long[] union = new long[a.length + b.length + c.length];
        System.arraycopy(a, 0, union, 0, a.length);
        System.arraycopy(b, 0, union, a.length, b.length);
        System.arraycopy(c, 0, union, a.length + b.length, c.length);
        Histogram whole = histogram(union);
        assertEquals(whole, merged.latency().histogramMicros(), "every bucket of the union");
        LatencySummary expected = LatencySummary.of(whole);
        assertEquals(expected.p50Ms(), merged.latency().p50Ms());
        assertEquals(expected.p99Ms(), merged.latency().p99Ms());
        assertEquals(expected.maxMs(), merged.latency().maxMs());
        assertEquals(union.length, merged.latency().count());
        // Averaging the segments' p99s would be far off: c's p99 is 20x the others'.
        double averaged = shares.stream().mapToDouble(r -> r.latency().p99Ms()).average().orElseThrow();
        assertTrue(Math.abs(averaged - expected.p99Ms()) > 0.5 * expected.p99Ms(), "averaged " + averaged);
        assertEquals(histogram(new long[] {100, 200, 300, 50}), merged.rate().dispatchLag().histogramMicros());

        assertEquals(union.length, merged.requests());
        assertEquals(union.length, merged.successful());
        assertEquals(200, merged.rate().offeredRps(), "offered rates summed");
        assertEquals(2_100_000_000L, merged.durationNs(), "the longest duration");
        assertEquals(9, merged.rate().peakInFlight());
        assertNull(merged.rate().generatorLimit(merged.conditions(), merged.delayMs()));
    }

    @Test
    void errorsAreSummedByKindWithTheFirstSegmentsMessage() {
        RunConditions calm = new RunConditions(40, 1.0, Double.NaN);
        RunResult one = share(new long[] {1000, 2000}, new long[] {1}, 1, 1, calm, Map.of("timeout", 1),
                Map.of("timeout", "first"));
        RunResult two = share(new long[] {1000, 2000, 3000}, new long[] {1}, 1, 1, calm,
                Map.of("timeout", 2, "refused", 1), Map.of("timeout", "second", "refused", "no"));
        RunResult merged = RunMerge.merge(List.of(one, two));
        assertEquals(Map.of("timeout", 3, "refused", 1), merged.errors());
        assertEquals(Map.of("timeout", "first", "refused", "no"), merged.errorSamples());
        assertEquals(4, merged.failed());
        assertEquals(1, merged.successful());
    }

    @Test
    void aRunInWhichAnySegmentsGeneratorWasTheLimitStaysOne() {
        RunConditions calm = new RunConditions(40, 1.0, Double.NaN);
        RunConditions late = new RunConditions(40, 80.0, Double.NaN);
        RunResult ok = share(new long[] {1000}, new long[] {1}, 50, 1, calm, Map.of(), Map.of());
        RunResult limited = share(new long[] {1000}, new long[] {1}, 50, 1, late, Map.of(), Map.of());
        assertNull(ok.rate().generatorLimit(ok.conditions(), ok.delayMs()));
        assertNotNull(limited.rate().generatorLimit(limited.conditions(), limited.delayMs()));
        RunResult merged = RunMerge.merge(List.of(ok, ok, limited));
        assertNotNull(merged.rate().generatorLimit(merged.conditions(), merged.delayMs()));

        // Fewer connections than its share needs in one segment, more than enough in the others.
        RunResult few = RunBuilder.from(ok).rate(new RateFigures(50, ok.latency(), ok.latency(), 0, 1, 1, 2)).build();
        RunResult many = RunBuilder.from(ok).rate(new RateFigures(50, ok.latency(), ok.latency(), 0, 9, 1, 2)).build();
        assertNotNull(few.rate().generatorLimit(few.conditions(), few.delayMs()));
        RunResult mixed = RunMerge.merge(List.of(many, few));
        assertNotNull(mixed.rate().generatorLimit(mixed.conditions(), mixed.delayMs()));
    }

    @Test
    void mergeAllAddsRunsPlaceByPlaceAndRefusesASegmentWithoutAMeasuredRun() {
        RunConditions calm = new RunConditions(40, 1.0, Double.NaN);
        RunResult step1 = share(new long[] {1000}, new long[] {1}, 10, 1, calm, Map.of(), Map.of());
        RunResult step2 = share(new long[] {2000, 2000}, new long[] {1}, 20, 1, calm, Map.of(), Map.of());
        List<RunResult> merged = RunMerge.mergeAll(List.of(List.of(step1, step2), List.of(step1, step2)));
        assertEquals(2, merged.size());
        assertEquals(20, merged.get(0).rate().offeredRps());
        assertEquals(40, merged.get(1).rate().offeredRps());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunMerge.mergeAll(List.of(List.of(step1, step2), List.of(step1))));
        assertTrue(e.getMessage().contains("'steady' async repetition 1 step 2 is in 1 of the 2 segments"),
                e.getMessage());
    }

    private static RunResult sent(String scenario, int requests) {
        return RunBuilder.run(scenario, ScenarioKind.RATE, iobench.bench.contender.Contender.ASYNC).repetition(1)
                .offered(10, 1, 1, requests).outcome(requests, 0, Map.of()).build();
    }

    /** --start-at lines up only the first run: a later one the segments reach seconds apart is caught. */
    @Test
    void aRunWhoseSegmentsBeganMoreThanTheBoundApartIsFlaggedWithItsSpread() {
        List<List<RunResult>> runs = List.of(
                List.of(sent("first", 10), sent("later", 10), sent("idle-elsewhere", 10), sent("old", 10)),
                List.of(sent("first", 10), sent("later", 10), sent("idle-elsewhere", 0), sent("old", 10)));
        List<List<Long>> starts = List.of(
                List.of(1_000L, 5_000L, 9_000L, 20_000L),
                // "idle-elsewhere" is an empty share reached 30 s late: it sent nothing, so it cannot drift;
                // "old" has no start (runs.json of an older version): unknown, not 0.
                List.of(1_400L, 8_250L, 39_000L, RunStarts.UNKNOWN));
        List<RunMerge.Spread> spreads = RunMerge.spreads(runs, starts);
        assertEquals(List.of("first", "later", "idle-elsewhere", "old"),
                spreads.stream().map(s -> s.id().scenario()).toList(), spreads.toString());
        assertEquals(List.of(400L, 3_250L, 0L, 0L), spreads.stream().map(RunMerge.Spread::spreadMs).toList());
        assertEquals(List.of(2, 2, 1, 1), spreads.stream().map(RunMerge.Spread::sending).toList());
        assertEquals(List.of(0L, 3_250L), spreads.get(1).lateMs(), "segment 2 began 'later' 3250 ms after segment 1");
        assertEquals(List.of(0L, -1L), spreads.get(2).lateMs(), "segment 2 sent nothing in 'idle-elsewhere'");
        List<RunMerge.Spread> drifts = spreads.stream().filter(RunMerge.Spread::drifted).toList();
        assertEquals(1, drifts.size(), drifts.toString());
        assertEquals("later", drifts.get(0).id().scenario());
        assertTrue(drifts.get(0).reason().contains("segments began this run up to 3250 ms apart: their loads did not "
                + "overlap as one"), drifts.get(0).reason());
        assertTrue(RunMerge.spreads(runs, List.of()).isEmpty(), "no starts known: nothing to judge");
    }

    private static RunResult rateShare(int offeredRps, int requests, int connections, int needed) {
        LatencySummary l = LatencySummary.of(histogram(new long[requests]));
        return RunBuilder.run("steady", ScenarioKind.RATE, iobench.bench.contender.Contender.ASYNC).repetition(1)
                .offered(10, 1, needed, requests).outcome(requests, 0, Map.of()).latency(l)
                .rate(new RateFigures(offeredRps, l, l, 0, connections, requests == 0 ? 0 : 1, needed)).build();
    }

    /** 100 req/s at 10 ms needs one request in flight; three segments' rounded-up ceilings are not three. */
    @Test
    void neededInFlightIsTheSummedRatesAndAnEmptyShareAddsNoConnections() {
        RateFigures merged = RunMerge.merge(List.of(rateShare(34, 68, 2, 1), rateShare(33, 66, 2, 1),
                rateShare(33, 66, 2, 1), rateShare(0, 0, 1, 1))).rate();
        assertEquals(100, merged.offeredRps());
        assertEquals(1, merged.neededInFlight(), "ceil(100/s x 10 ms)");
        assertEquals(6, merged.connections(), "the empty share opened none");
        // A share with fewer connections than its own share needed still shows in the merged run.
        RateFigures limited = RunMerge.merge(List.of(rateShare(300, 600, 1, 3), rateShare(300, 600, 8, 3))).rate();
        assertTrue(limited.connections() < limited.neededInFlight(), limited.toString());
    }

    private static RunResult fanOutShare(int requests, RunCosts costs, RunConditions conditions) {
        return RunBuilder.run("fan", ScenarioKind.FAN_OUT, Contender.ASYNC).repetition(1)
                .offered(100, 10, 1, requests).outcome(10 * requests, 0, Map.of())
                .latency(LatencySummary.of(histogram(requests == 0 ? new long[0] : new long[] {100_000})))
                .costs(costs).conditions(conditions).build();
    }

    /** A fan-out's one request is segment 1's: its costs are the run's; two senders' are no run's per call. */
    @Test
    void theCostsOfTheOneShareThatSentAreTheRunsAndNoneWhereSeveralSent() {
        RunCosts measured = new RunCosts(0.5, 12, 40, 0, 80, "process");
        RunConditions unknown = RunConditions.UNKNOWN;
        RunResult sent = fanOutShare(1, measured, new RunConditions(30, Double.NaN, 4));
        RunResult idle = fanOutShare(0, RunCosts.NONE, unknown);
        assertTrue(idle.sentNothing());

        RunResult merged = RunMerge.merge(List.of(idle, sent, idle));
        assertEquals(measured, merged.costs());
        assertEquals(1, merged.requests());
        assertEquals(30, merged.conditions().machineCpuPct(), "an unknown figure does not hide a known one");
        assertTrue(Double.isNaN(merged.conditions().loadgenLagP99Ms()), "none known: unknown");
        assertEquals(RunCosts.NONE, RunMerge.merge(List.of(sent, sent)).costs());
        assertEquals(RunCosts.NONE, RunMerge.merge(List.of(idle, idle)).costs());
    }
}
