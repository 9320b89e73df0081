package iobench.bench.segment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import iobench.bench.contender.Contender;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RateFigures;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import iobench.core.JsonNumbers;
import iobench.core.JsonFiles;
import iobench.core.ReportFiles;
import iobench.scenario.ScenarioKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * {@code runs.json}: every run of a bench, warm-ups included, with every figure and its
 * histograms (HdrHistogram's compressed encoding, base64), so that {@code iobench merge} can add
 * segments exactly. Lossless: what {@link #read} returns equals what {@link #write} was given.
 * The file's shape is {@link RunsFile}; this class turns runs into it and back.
 * A NaN is written as null (JSON has no NaN) and read back as NaN.
 */
public final class RunsJson {
    public static final String FILE = "runs.json";
    static final String FORMAT = "iobench-runs/1";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(JsonNumbers.nanAsNull())
            .build();

    private RunsJson() {
    }

    /** Without a timeline (one generator's phases are not in slots). */
    public static void write(List<RunResult> runs, List<Long> startsEpochMs, Path dir) throws IOException {
        write(runs, startsEpochMs, List.of(), dir);
    }

    /**
     * @param startsEpochMs each run's wall-clock start, in the order of {@code runs}
     *                      ({@link RunStarts#UNKNOWN} or missing: not written)
     * @param phases        the segment's timeline: every phase's slot, and when it began and ended
     */
    public static void write(List<RunResult> runs, List<Long> startsEpochMs, List<PhaseTiming> phases, Path dir)
            throws IOException {
        List<RunsFile.Phase> timeline = phases.stream().map(p -> new RunsFile.Phase(p.scenario(), p.server().jsonName(),
                p.repetition(), p.ratePerS(), p.slotStartEpochMs(), p.slotEndEpochMs(), p.startEpochMs(),
                p.endEpochMs())).toList();
        List<RunsFile.Run> all = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            long start = i < startsEpochMs.size() ? startsEpochMs.get(i) : RunStarts.UNKNOWN;
            all.add(run(runs.get(i), start == RunStarts.UNKNOWN ? null : start));
        }
        ReportFiles.write(dir, FILE, JSON.writeValueAsString(new RunsFile(FORMAT, timeline, all)) + "\n");
    }

    public static List<RunResult> read(Path dir) throws IOException {
        RunsFile file = file(dir);
        if (!FORMAT.equals(file.format())) {
            throw new IOException(FILE + " is not " + FORMAT);
        }
        List<RunResult> runs = new ArrayList<>();
        for (RunsFile.Run r : file.runs()) {
            runs.add(run(r));
        }
        return runs;
    }

    /**
     * Each run's wall-clock start, in the order {@link #read} returns the runs;
     * {@link RunStarts#UNKNOWN} where runs.json does not say (warm-ups, files written before it did).
     */
    public static List<Long> readStarts(Path dir) throws IOException {
        return file(dir).runs().stream()
                .map(r -> r.startEpochMs() == null ? RunStarts.UNKNOWN : r.startEpochMs()).toList();
    }

    /** The segment's timeline, phase by phase; empty for one generator and for files written before timelines. */
    public static List<PhaseTiming> readPhases(Path dir) throws IOException {
        List<PhaseTiming> phases = new ArrayList<>();
        for (RunsFile.Phase p : file(dir).phases()) {
            try {
                phases.add(new PhaseTiming(p.scenario(), Contender.fromJsonName(p.server()), p.repetition(),
                        p.ratePerS(), p.slotStartEpochMs(), p.slotEndEpochMs(), p.startEpochMs(), p.endEpochMs()));
            } catch (IllegalArgumentException e) {
                throw new IOException(FILE + " holds a phase it cannot read: " + e.getMessage(), e);
            }
        }
        return phases;
    }

    /** The file as written; a file that is not JSON, or JSON of another shape, is refused in one line. */
    private static RunsFile file(Path dir) throws IOException {
        return JsonFiles.read(JSON, dir, FILE, RunsFile.class, "", FORMAT);
    }

    private static RunsFile.Run run(RunResult r, Long startEpochMs) {
        RunCosts c = r.costs();
        RunConditions k = r.conditions();
        RateFigures f = r.rate();
        return new RunsFile.Run(r.scenario(), r.kind().name(), r.server().jsonName(), r.repetition(), r.warmup(),
                new RunsFile.Offered(r.delayMs(), r.concurrent(), r.clients(), r.requests()),
                new RunsFile.Outcome(r.successful(), r.failed(), r.durationNs(), r.staleRetries(), r.serverDurationS(),
                        r.errors(), r.errorSamples()),
                latency(r.latency()),
                new RunsFile.Costs(c.peakThreads(), c.peakVirtualThreads(), c.source(), c.cpuMsPerCall(),
                        c.allocKbPerCall(), c.heapUsedMb()),
                new RunsFile.Conditions(k.machineCpuPct(), k.loadgenLagP99Ms(), k.loadgenCpuMs(), k.cpuSharePct()),
                f == null ? null : new RunsFile.Rate(f.offeredRps(), f.dropped(), f.connections(), f.peakInFlight(),
                        f.neededInFlight(), latency(f.uncorrected()), latency(f.dispatchLag())),
                startEpochMs);
    }

    private static RunResult run(RunsFile.Run o) throws IOException {
        RunsFile.Offered off = o.offered();
        RunsFile.Outcome out = o.outcome();
        RunsFile.Costs c = o.costs();
        RunsFile.Conditions k = o.conditions();
        RunsFile.Rate rate = o.rate();
        RateFigures figures = rate == null ? null : new RateFigures(rate.offeredRps(), latency(rate.uncorrected()),
                latency(rate.dispatchLag()), rate.dropped(), rate.connections(), rate.peakInFlight(),
                rate.neededInFlight());
        try {
            return new RunResult(new RunId(o.scenario(), ScenarioKind.valueOf(o.kind()),
                    Contender.fromJsonName(o.server()), o.repetition(), o.warmup()),
                    new Offered(off.delayMs(), off.concurrent(), off.clients(), off.requests()),
                    new Outcome(out.successful(), out.failed(), out.errors(), out.errorSamples(), out.durationNs(),
                            out.serverDurationS(), out.staleRetries()),
                    latency(o.latency()),
                    new RunCosts(c.cpuMsPerCall(), c.allocKbPerCall(), c.peakThreads(), c.peakVirtualThreads(),
                            c.heapUsedMb(), c.source()),
                    new RunConditions(k.machineCpuPct(), k.loadgenLagP99Ms(), k.loadgenCpuMs(), k.cpuSharePct()),
                    figures);
        } catch (IllegalArgumentException e) {
            throw new IOException(FILE + " holds a run it cannot read: " + e.getMessage(), e);
        }
    }

    private static RunsFile.Latency latency(LatencySummary l) {
        String encoded = l.packedMicros() == null ? null : Base64.getEncoder().encodeToString(l.packedMicros().bytes());
        return new RunsFile.Latency(l.count(), l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs(), encoded);
    }

    private static LatencySummary latency(RunsFile.Latency o) throws IOException {
        Histogram h = null;
        if (o.histogramMicros() != null) {
            try {
                h = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(o.histogramMicros())), 0);
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new IOException(FILE + " holds a histogram it cannot decode: " + e.getMessage(), e);
            }
        }
        return new LatencySummary(o.p50Ms(), o.p90Ms(), o.p99Ms(), o.maxMs(), o.count(), h);
    }
}
