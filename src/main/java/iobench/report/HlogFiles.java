package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Environment;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.core.ReportFiles;
import iobench.bench.metrics.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code hlog/<scenario>-<server>.hlog}: the latency histograms of the measured repetitions, in
 * HdrHistogram's log format (values in microseconds), so a run can be re-analysed or merged with
 * HdrHistogram's own tools. One interval per repetition, tagged {@code rep1}, {@code rep2}, ...;
 * iobench does not record when each run began, so the intervals are laid end to end from the
 * start of the bench (the base time), each as long as its run.
 */
public final class HlogFiles {
    public static final String DIR = "hlog";

    private HlogFiles() {
    }

    /** Writes one file per scenario and server that has histograms; returns the files written. */
    public static List<Path> write(BenchReport report, Path reportDir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                List<RunResult> runs = report.runs().stream()
                        .filter(r -> r.scenario().equals(s.scenario().name()) && r.server().equals(st.server()))
                        .filter(r -> r.latency().histogramMicros() != null)
                        .sorted(Comparator.comparingInt(RunResult::repetition))
                        .toList();
                if (runs.isEmpty()) {
                    continue;
                }
                written.add(ReportFiles.write(reportDir.resolve(DIR), fileName(s.scenario().name(), st.server().label()),
                        render(report.environment(), s.scenario().name(), st.server().label(), runs)));
            }
        }
        return written;
    }

    public static String fileName(String scenario, String server) {
        return scenario + "-" + server + ".hlog";
    }

    static byte[] render(Environment env, String scenario, String server, List<RunResult> runs) {
        long baseMs = epochMs(env.startedAt());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment("iobench " + env.iobenchVersion() + ": scenario " + scenario + ", server " + server
                    + "; latency in microseconds (max column in ms); one interval per measured repetition, tagged repN, "
                    + "laid end to end from the start of the bench");
            log.outputLogFormatVersion();
            log.outputStartTime(baseMs);
            log.setBaseTime(baseMs);
            log.outputBaseTime(baseMs);
            log.outputLegend();
            double startS = 0;
            for (RunResult r : runs) {
                // Unpacked for this file alone: a histogram of its own, free to change.
                Histogram h = r.latency().histogramMicros();
                h.setTag("rep" + r.repetition());
                double endS = startS + r.durationS();
                log.outputIntervalHistogram(startS, endS, h, 1000.0);
                startS = endS;
            }
        }
        return bytes.toByteArray();
    }

    private static long epochMs(String startedAt) {
        try {
            return OffsetDateTime.parse(startedAt).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }
}
