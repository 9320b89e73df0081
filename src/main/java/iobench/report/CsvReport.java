package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Model;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.bench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv}: tidy, one row per scenario x server x measured run, so that a script that
 * averages a column by scenario and server gets the report's figure. The warm-up rounds go to
 * {@code warmup.csv}, same columns in the same order (its {@code phase} always warmup, a
 * repetition of 0). The first sixteen columns are a fixed contract; new columns only ever go after
 * them, and {@code phase} stays last so that files written before the split read the same way.
 */
public final class CsvReport {
    public static final String FILE = "results.csv";
    public static final String WARMUP_FILE = "warmup.csv";

    public static final List<String> COLUMNS = List.of(
            "scenario", "kind", "server", "repetition", "delay_s", "concurrent", "clients", "requests",
            "successful", "failed", "duration_s", "throughput_rps", "latency_p50_ms", "latency_p90_ms",
            "latency_p99_ms", "latency_max_ms", "strategy", "server_duration_s", "errors",
            "cpu_ms_per_call", "alloc_kb_per_call", "peak_threads", "peak_virtual_threads", "heap_used_mb",
            "model_duration_s", "efficiency", "machine_cpu_pct", "loadgen_lag_p99_ms", "loadgen_cpu_ms", "cost_source",
            // Rate runs (empty for the others): latency_p* are then corrected, throughput_rps achieved.
            "offered_rps", "latency_uncorrected_p99_ms", "loadgen_dropped", "loadgen_peak_in_flight",
            // Requests sent again once after meeting a connection the server had closed idle.
            "stale_retries",
            // kind=first message;... beside the counts of `errors`; last but one, so that phase stays last.
            "error_samples",
            "phase");

    private CsvReport() {
    }

    /** results.csv: the measured runs, scenario by scenario in the report's order. */
    public static String render(BenchReport report) {
        return render(report, report.runs());
    }

    /** warmup.csv: the warm-up rounds, scenario by scenario; only the header when there were none. */
    public static String renderWarmups(BenchReport report) {
        return render(report, report.warmups());
    }

    private static String render(BenchReport report, List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", COLUMNS.stream().map(CsvReport::quote).toList())).append('\n');
        for (RunResult r : inScenarioOrder(report, runs)) {
            // Only fan-out has a strategy; a clients request makes one call.
            String strategy = report.scenarios().stream()
                    .filter(s -> s.scenario().name().equals(r.scenario()))
                    .map(s -> s.scenario() instanceof iobench.scenario.FanOutScenario f ? f.strategy().label() : "")
                    .findFirst().orElse("");
            List<String> row = new ArrayList<>();
            row.add(r.scenario());
            row.add(r.kind().label());
            row.add(r.server().label());
            row.add(Integer.toString(r.repetition()));
            row.add(Numbers.fixed(r.delayMs() / 1000.0, 3));
            row.add(Integer.toString(r.concurrent()));
            row.add(Integer.toString(r.clients()));
            row.add(Integer.toString(r.requests()));
            row.add(Integer.toString(r.successful()));
            row.add(Integer.toString(r.failed()));
            row.add(Numbers.fixed(r.durationS(), 6));
            row.add(Numbers.fixed(r.throughputRps(), 3));
            row.add(Numbers.fixed(r.latency().p50Ms(), 3));
            row.add(Numbers.fixed(r.latency().p90Ms(), 3));
            row.add(Numbers.fixed(r.latency().p99Ms(), 3));
            row.add(Numbers.fixed(r.latency().maxMs(), 3));
            row.add(strategy);
            row.add(Numbers.fixed(r.serverDurationS(), 6));
            row.add(errors(r));
            row.add(Numbers.fixed(r.costs().cpuMsPerCall(), 4));
            row.add(Numbers.fixed(r.costs().allocKbPerCall(), 2));
            row.add(r.costs().peakThreads() < 0 ? "" : Integer.toString(r.costs().peakThreads()));
            row.add(r.costs().peakVirtualThreads() < 0 ? "" : Integer.toString(r.costs().peakVirtualThreads()));
            row.add(Numbers.fixed(r.costs().heapUsedMb(), 1));
            // Warm-ups run with a shortened delay, so the scenario's model does not describe them.
            double modelS = r.warmup() ? Double.NaN : scenarioOf(report, r)
                    .map(s -> Model.predictedDurationS(s, r.server(), report.model())).orElse(Double.NaN);
            row.add(Numbers.fixed(modelS, 6));
            row.add(Numbers.fixed(modelS > 0 && r.durationS() > 0 ? modelS / r.durationS() : Double.NaN, 3));
            row.add(Numbers.fixed(r.conditions().machineCpuPct(), 1));
            row.add(Numbers.fixed(r.conditions().loadgenLagP99Ms(), 3));
            row.add(Numbers.fixed(r.conditions().loadgenCpuMs(), 1));
            row.add(r.costs().source());
            row.add(r.rate() == null ? "" : Integer.toString(r.rate().offeredRps()));
            row.add(r.rate() == null ? "" : Numbers.fixed(r.rate().uncorrected().p99Ms(), 3));
            row.add(r.rate() == null ? "" : Integer.toString(r.rate().dropped()));
            row.add(r.rate() == null ? "" : Integer.toString(r.rate().peakInFlight()));
            row.add(Integer.toString(r.staleRetries()));
            row.add(errorSamples(r));
            row.add(r.warmup() ? "warmup" : "measured");
            out.append(String.join(",", row.stream().map(CsvReport::quote).toList())).append('\n');
        }
        return out.toString();
    }

    /** Scenario by scenario in the report's order; within a scenario in the order they ran (a stable sort). */
    private static List<RunResult> inScenarioOrder(BenchReport report, List<RunResult> runs) {
        List<String> order = report.scenarios().stream().map(s -> s.scenario().name()).toList();
        List<RunResult> rows = new ArrayList<>(runs);
        rows.sort(java.util.Comparator.comparingInt(r -> {
            int i = order.indexOf(r.scenario());
            return i < 0 ? order.size() : i;
        }));
        return rows;
    }

    private static java.util.Optional<iobench.scenario.Scenario> scenarioOf(BenchReport report, RunResult r) {
        return report.scenarios().stream().map(ScenarioSummary::scenario)
                .filter(s -> s.name().equals(r.scenario())).findFirst();
    }

    private static String errors(RunResult r) {
        List<String> parts = new ArrayList<>();
        r.errors().forEach((kind, count) -> parts.add(kind + "=" + count));
        return String.join(";", parts);
    }

    private static String errorSamples(RunResult r) {
        List<String> parts = new ArrayList<>();
        r.errorSamples().forEach((kind, message) -> parts.add(kind + "=" + message));
        return String.join(";", parts);
    }

    /** Every field goes through here: quoted only when it must be (RFC 4180). */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
