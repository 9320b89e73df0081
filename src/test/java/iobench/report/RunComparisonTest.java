package iobench.report;

import iobench.analysis.Analysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import iobench.testing.Summaries;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two fixed report directories, src/test/resources/compare/{a,b}/summary.json, made from FixedRuns
 * (regenerate with -Dgolden.update=true): A is FixedRuns as it is; in B the sync server of fan-seq
 * is 10 % slower (1.111/1.133/1.122 s against 1.010/1.030/1.020), clients-100 async moved within
 * its noise (0.212/0.221/0.214 s against 0.21/0.22/0.215) and fan-par did not run.
 *
 * <p>Checked by hand in compare.md: fan-seq sync duration 1.020 -> 1.122, +10.0 %, ranges
 * 1.010–1.030 and 1.111–1.133 apart: beyond noise; its throughput 9.8 -> 8.9 (10 / 1.122 = 8.913),
 * -9.1 %, beyond noise. fan-seq async speedup 9.714 -> 1.122 / 0.105 = 10.686, +10.0 %; intervals
 * [8.90–10.5] and 1.111/0.105, 1.133/0.110, 1.122/0.102 = 10.581, 10.3, 11.0 -> [9.79–11.5] overlap: no.
 * clients-100 async duration 0.215 -> 0.214, -0.5 %, ranges overlap: no.
 */
class RunComparisonTest {
    private static final Path DIR = Path.of("src/test/resources/compare");

    static List<RunResult> changedRuns() {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : FixedRuns.runs()) {
            if (r.scenario().equals("fan-par")) {
                continue;
            }
            if (r.scenario().equals("fan-seq") && r.server().equals(Contender.SYNC) && !r.warmup()) {
                out.add(withDuration(r, Math.round(r.durationNs() * 1.1)));
            } else if (r.scenario().equals("clients-100") && r.server().equals(Contender.ASYNC) && !r.warmup()) {
                long ns = switch (r.repetition()) {
                    case 1 -> 212_000_000L;
                    case 2 -> 221_000_000L;
                    default -> 214_000_000L;
                };
                out.add(withDuration(r, ns));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static RunResult withDuration(RunResult r, long ns) {
        // Throughput follows: successful calls (fan-out) or requests (clients) over the new duration.
        return RunBuilder.from(r).durationNs(ns).build();
    }

    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (!Boolean.getBoolean("golden.update")) {
            return;
        }
        Files.writeString(DIR.resolve("a").resolve(Summary.FILE), SummaryFile.text(SummaryJson.of(
                Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL))));
        Files.writeString(DIR.resolve("b").resolve(Summary.FILE), SummaryFile.text(SummaryJson.of(
                Analysis.analyse(FixedRuns.plan(), changedRuns(), FixedRuns.ENVIRONMENT, FixedRuns.MODEL))));
        Files.writeString(DIR.resolve("compare.md"), render(), StandardCharsets.UTF_8);
    }

    static String render() throws IOException {
        Summary a = SummaryFile.read(DIR.resolve("a"));
        Summary b = SummaryFile.read(DIR.resolve("b"));
        return RunComparison.document(a, b, "a", "b");
    }

    @Test
    void theComparisonOfTheFixedDirectoriesMatchesItsGoldenFile() throws IOException {
        assertEquals(Files.readString(DIR.resolve("compare.md"), StandardCharsets.UTF_8), render());
    }

    @Test
    void theFixedDirectoryAIsTodaysSummaryOfFixedRuns() throws IOException {
        // If the summary format changes, the fixed directories are regenerated with it (-Dgolden.update=true).
        assertEquals(SummaryFile.text(SummaryJson.of(Analysis.analyse(FixedRuns.plan(), FixedRuns.runs(),
                FixedRuns.ENVIRONMENT, FixedRuns.MODEL))), Files.readString(DIR.resolve("a").resolve(Summary.FILE)));
    }

    @Test
    void aChangeIsBeyondTheNoiseOnlyWhenTheRangesOrIntervalsAreApart() throws IOException {
        String md = render();
        assertTrue(md.contains("| fan-seq | sync | duration s | 1.020 (1.010–1.030) | 1.122 (1.111–1.133) | +10.0 % | **yes** |"), md);
        assertTrue(md.contains("| clients-100 | async | duration s | 0.215 (0.210–0.220) | 0.214 (0.212–0.221) | -0.5 % | no |"), md);
        assertTrue(md.contains("| fan-seq | async | speedup vs sync | 9.71x [8.90–10.5] | 10.7x [9.79–11.5] | +10.0 % | no |"), md);
        assertTrue(md.contains("| broken | async | speedup vs sync | not valid | not valid | – | – |"), md);
        assertTrue(md.contains("- scenario **fan-par** is only in A"), md);
    }

    @Test
    void theSpeedupRowNamesEachFilesBaseline() throws IOException {
        String a = Files.readString(DIR.resolve("a").resolve(Summary.FILE));
        String b = Files.readString(DIR.resolve("b").resolve(Summary.FILE));
        Summary flaskA = Summaries.of(iobench.http.Json.MAPPER.readTree(a.replace("\"baseline\" : \"sync\"", "\"baseline\" : \"flask\"")));
        Summary flaskB = Summaries.of(iobench.http.Json.MAPPER.readTree(b.replace("\"baseline\" : \"sync\"", "\"baseline\" : \"flask\"")));
        String same = RunComparison.document(flaskA, flaskB, "a", "b");
        assertTrue(same.contains("| fan-seq | async | speedup vs flask | 9.71x [8.90–10.5] | 10.7x [9.79–11.5] |"), same);
        String mixed = RunComparison.document(Summaries.of(iobench.http.Json.MAPPER.readTree(a)), flaskB, "a", "b");
        assertTrue(mixed.contains("| fan-seq | async | speedup vs sync (A), flask (B) | "), mixed);
    }

    @Test
    void theComparisonIsTheSameUnderAGermanLocale() throws IOException {
        String md = render();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(md, render());
        } finally {
            Locale.setDefault(before);
        }
    }
}
