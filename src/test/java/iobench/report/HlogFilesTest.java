package iobench.report;

import iobench.analysis.Analysis;
import iobench.analysis.BenchReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlogFilesTest {
    /** clients-100 of FixedRuns with real histograms: repetition r of a server records 10 · r values. */
    private static List<RunResult> runsWithHistograms() {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : FixedRuns.runs()) {
            if (!r.scenario().equals("clients-100") || r.warmup()) {
                out.add(r);
                continue;
            }
            Histogram h = Histograms.concurrent();
            for (int i = 0; i < 10 * r.repetition(); i++) {
                h.recordValue((long) (r.latency().p50Ms() * 1000) + i);
            }
            LatencySummary latency = LatencySummary.of(h);
            out.add(RunBuilder.from(r).warmup(false).errorSamples(Map.of()).latency(latency).build());
        }
        return out;
    }

    @Test
    void oneFilePerScenarioAndServerWithOneTaggedIntervalPerRepetition(@TempDir Path dir) throws IOException {
        BenchReport report = Analysis.analyse(FixedRuns.plan(), runsWithHistograms(), FixedRuns.ENVIRONMENT,
                FixedRuns.MODEL);
        List<Path> written = HlogFiles.write(report, dir);

        // Only clients-100 has histograms (the other runs are made by hand without one).
        try (Stream<Path> files = Files.list(dir.resolve("hlog"))) {
            assertEquals(List.of("clients-100-async.hlog", "clients-100-sync.hlog"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(2, written.size());
        for (Contender role : List.of(Contender.SYNC, Contender.ASYNC)) {
            Path file = dir.resolve("hlog").resolve(HlogFiles.fileName("clients-100", role.label()));
            List<EncodableHistogram> intervals = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                HistogramLogReader reader = new HistogramLogReader(in);
                for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                    intervals.add(h);
                }
            }
            assertEquals(3, intervals.size(), file.toString());
            long total = 0;
            for (int i = 0; i < 3; i++) {
                Histogram h = (Histogram) intervals.get(i);
                assertEquals("rep" + (i + 1), h.getTag());
                assertEquals(10L * (i + 1), h.getTotalCount());
                total += h.getTotalCount();
            }
            long expected = report.runs().stream().filter(r -> r.scenario().equals("clients-100") && r.server().equals(role))
                    .mapToLong(r -> r.latency().histogramMicros().getTotalCount()).sum();
            assertEquals(expected, total);
            String text = Files.readString(file);
            assertTrue(text.contains("#[StartTime: "), text);
            assertTrue(text.contains("#[BaseTime: "), text);
        }
    }

    @Test
    void aRunMadeWithoutAHistogramHasNone() {
        assertNull(RunBuilder.latency(1, 2, 3, 4, 5).histogramMicros());
        LatencySummary empty = LatencySummary.of(Histograms.concurrent());
        assertEquals(0, empty.count());
        assertEquals(0, empty.histogramMicros().getTotalCount());
    }

    @Test
    void runsWithoutHistogramsWriteNoFile(@TempDir Path dir) throws IOException {
        BenchReport report = Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL);
        assertEquals(List.of(), HlogFiles.write(report, dir));
        assertTrue(!Files.exists(dir.resolve("hlog")));
        assertEquals(ScenarioKind.CLIENTS, report.scenarios().get(2).scenario().kind());
    }
}
