package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Confidence;
import iobench.analysis.CostSummary;
import iobench.analysis.Environment;
import iobench.analysis.ModelParams;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.SpeedupSummary;
import iobench.analysis.ThresholdCheck;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.ErrorTally;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code report.md}: readable on its own, by someone who did not see the run. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param charts       the chart files written beside the report, linked from it
     * @param noCharts     a sentence saying why charts are missing, or null
     */
    public static String render(BenchReport report, List<iobench.report.charts.Chart> charts, String noCharts) {
        StringBuilder md = new StringBuilder();
        Environment env = report.environment();
        md.append("# iobench report\n\n");
        if (!report.complete()) {
            md.append("> **INCOMPLETE**: ").append(report.incompleteReason())
                    .append(". The figures below cover only the runs that finished.\n\n");
        }
        environment(md, env, report.model());
        howToRead(md, report);
        SuiteTables.render(md, report, FanOutScenario.class);
        SuiteTables.render(md, report, ClientsScenario.class);
        CapacityReport.render(md, report);
        costs(md, report);
        CpuShares.render(md, report);
        WarmupReport.render(md, report);
        charts(md, charts, noCharts);
        summary(md, report);
        thresholds(md, report);
        errors(md, report);
        staleRetries(md, report);
        return md.toString();
    }

    private static void environment(StringBuilder md, Environment env, ModelParams model) {
        md.append("## Environment\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "iobench", env.iobenchVersion());
        row(md, "JVM", env.jvm());
        row(md, "cores", Integer.toString(env.cores()));
        row(md, "OS", env.os());
        row(md, "scenarios", env.scenariosSource());
        row(md, "started", env.startedAt());
        row(md, "command", "`" + env.command() + "`");
        row(md, "peak resident memory", env.peakResidentMemory());
        row(md, "servers ran", env.isolation());
        row(md, "sync pool", model.syncThreads() + " request threads; parallel fan-out pool " + model.fanoutThreads()
                + " threads");
        model.named().forEach((contender, m) -> row(md, contender.name() + " model", m.describe()));
        md.append('\n');
        if (!env.servers().isEmpty()) {
            md.append("Servers:\n\n");
            env.servers().forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        }
    }

    private static void howToRead(StringBuilder md, BenchReport report) {
        String base = baselineLabel(report);
        md.append("## How to read this\n\n");
        md.append("Each figure is the median of the measured repetitions, with their range (min–max) in brackets; ")
                .append("warm-up runs are not counted. *Speedup* compares each server with the ").append(base)
                .append(" server: for fan-out it is ").append(base).append(" duration / its duration, for clients ")
                .append("its throughput / ").append(base).append(" throughput. ")
                .append("*Model* is what a simple queueing model predicts: a sequential fan-out of K calls takes K ")
                .append("delays; a pool of T threads serves N clients in ceil(N / T) waves of one delay; the async ")
                .append("and virtual servers hold everything at once, so one delay. *Verdict* uses the original ")
                .append("suite's words: >= 5 excellent, >= 2 good, >= 1.2 moderate, else minimal. A scenario in ")
                .append("which any call failed is marked not valid and kept out of the averages. Each speedup comes ")
                .append("with its 95 % confidence interval in square brackets (").append(Confidence.METHOD)
                .append(", paired by repetition number) and a word: *significant* when the interval excludes 1x, ")
                .append("so the servers differ beyond the noise of the repetitions; with one repetition there is ")
                .append("no interval.\n\n");
    }

    private static void charts(StringBuilder md, List<iobench.report.charts.Chart> charts, String noCharts) {
        if (charts.isEmpty() && noCharts == null) {
            return;
        }
        md.append("## Charts\n\n");
        if (noCharts != null) {
            md.append(noCharts).append("\n\n");
        }
        for (iobench.report.charts.Chart c : charts) {
            md.append("### ").append(c.title()).append("\n\n![").append(c.title()).append("](")
                    .append(c.fileName()).append(")\n\n");
        }
    }

    private static void costs(StringBuilder md, BenchReport report) {
        md.append("## What each model costs\n\n");
        md.append("Per downstream call, over the measured repetitions only (after warm-up): the total over the ")
                .append("repetitions divided by their calls, with the range of the repetitions' own figures in ")
                .append("brackets. Fewer than ").append(Long.toString(CostSummary.MIN_CALLS))
                .append(" calls and under ").append(Numbers.fixed(CostSummary.MIN_CPU_MS / 1000, 0))
                .append(" s of CPU in all is shown as \"").append(CostSummary.TOO_FEW).append("\". ")
                .append("CPU and allocation of a server that shares the JVM are told apart by its thread names ")
                .append("(per-thread CPU time in ns); virtual threads run on carrier threads shared with the load ")
                .append("generator, so in one JVM their figures are n/a: `bench --isolate` runs each server in its ")
                .append("own JVM and reads its CPU time (the process CPU clock, ns), allocation, heap and threads ")
                .append("from its own `/stats`.\n\n");
        md.append("| scenario | server | calls | CPU ms / call | alloc KB / call | peak threads | peak virtual threads | heap MB after | measured by |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                CostSummary c = st.costs();
                md.append("| ").append(s.scenario().name())
                        .append(" | ").append(st.server().label())
                        .append(" | ").append(Long.toString(c.calls()))
                        .append(" | ").append(costCell(c.cpuMsPerCall(), c.cpuMsMin(), c.cpuMsMax(), 3, c))
                        .append(" | ").append(costCell(c.allocKbPerCall(), c.allocKbMin(), c.allocKbMax(), 1, c))
                        .append(" | ").append(c.peakThreads() < 0 ? "–" : Integer.toString(c.peakThreads()))
                        .append(" | ").append(c.peakVirtualThreads() < 0 ? "–" : Integer.toString(c.peakVirtualThreads()))
                        .append(" | ").append(Numbers.cell(c.heapUsedMb(), 1))
                        .append(" | ").append(c.source())
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String costCell(double value, double min, double max, int decimals, CostSummary c) {
        if (Double.isNaN(value)) {
            return c.source().startsWith("n/a") ? "n/a" : "–";
        }
        if (!c.enoughWork()) {
            return CostSummary.TOO_FEW;
        }
        return Numbers.fixed(value, decimals) + " [" + Numbers.fixed(min, decimals) + "–" + Numbers.fixed(max, decimals)
                + "]";
    }

    /**
     * The one server every scenario measures against (the plan's baseline, else the first listed);
     * where they differ, "sync" for our servers alone (the stand-ins have their notes), else "baseline".
     */
    static String baselineLabel(BenchReport report) {
        List<Contender> baselines = report.scenarios().stream().map(ScenarioSummary::baseline)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (baselines.size() == 1) {
            return baselines.get(0).label();
        }
        return baselines.stream().allMatch(Contender::isBuiltIn) ? "sync" : "baseline";
    }

    private static void summary(StringBuilder md, BenchReport report) {
        md.append("## Summary\n\n");
        Set<Contender> others = new java.util.TreeSet<>();
        report.scenarios().forEach(s -> s.comparisons().forEach(c -> others.add(c.server())));
        if (others.isEmpty()) {
            boolean rate = report.scenarios().stream().anyMatch(s -> s.scenario() instanceof RateScenario);
            md.append(rate ? "Rate scenarios compare the servers by their capacity at the SLO, above.\n\n"
                    : "Only one server ran, so there is nothing to compare.\n\n");
            return;
        }
        md.append("| server vs " + baselineLabel(report) + " | suite | valid scenarios | mean speedup | min | max | significant | decision (original matrix) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Contender role : others) {
            for (ScenarioKind kind : new ScenarioKind[] {ScenarioKind.FAN_OUT, ScenarioKind.CLIENTS, null}) {
                SpeedupSummary sum = SpeedupSummary.of(report, role, kind);
                if (sum.total() == 0) {
                    continue;
                }
                md.append("| ").append(role.label())
                        .append(" | ").append(kind == null ? "all" : kind.label())
                        .append(" | ").append(sum.valid()).append(" of ").append(sum.total())
                        .append(" | ").append(Numbers.times(sum.mean()))
                        .append(" | ").append(Numbers.times(sum.min()))
                        .append(" | ").append(Numbers.times(sum.max()))
                        .append(" | ").append(sum.significant()).append(" of ").append(sum.valid())
                        .append(" | ").append(kind == null ? SpeedupSummary.decision(sum.mean()) : "")
                        .append(" |\n");
            }
        }
        md.append('\n');
        for (Contender role : others) {
            md.append(SpeedupSummary.of(report, role, null).sentence(role, report.model(), baselineLabel(report)))
                    .append("\n\n");
        }
        md.append("*Significant* counts the valid scenarios whose speedup interval excludes 1x; the means are ")
                .append("plain means of the scenarios' speedups, with no interval of their own.\n\n");
        md.append("Decision matrix of the original suite, on the mean speedup over all valid scenarios: ")
                .append("< 2x evaluate case by case; 2–5x plan a gradual migration; 5–10x prioritise the migration; ")
                .append("> 10x migrate critical endpoints now.\n\n");
    }

    private static void thresholds(StringBuilder md, BenchReport report) {
        if (report.thresholds().isEmpty()) {
            return;
        }
        List<ThresholdCheck> broken = report.brokenThresholds();
        md.append("## Thresholds\n\n");
        md.append(broken.isEmpty() ? "Every threshold of the scenario file is met."
                : "**" + broken.size() + " of " + report.thresholds().size() + " thresholds BROKEN**; `iobench bench` "
                + "exits with code 1.").append(" A speedup is checked at its point (the figure before the interval), ")
                .append("p99 at the median of the repetitions, the error rate over all of them.\n\n");
        md.append("| scenario | server | threshold | value | limit | result |\n|---|---|---|---|---|---|\n");
        for (ThresholdCheck t : report.thresholds()) {
            md.append("| ").append(t.scenario()).append(" | ").append(t.server().label()).append(" | ")
                    .append(t.threshold()).append(" | ").append(t.format(t.value())).append(" | ")
                    .append(t.format(t.limit())).append(" | ").append(t.met() ? "met" : "**BROKEN**").append(" |\n");
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, BenchReport report) {
        List<String> lines = new ArrayList<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                if (st.failed() == 0) {
                    continue;
                }
                // One row per kind, with its first message: the count says how often, the message why.
                st.errors().forEach((kind, count) -> lines.add("| " + s.scenario().name() + " | "
                        + st.server().label() + " | " + kind + " | " + count + " | "
                        + cell(st.errorSamples().getOrDefault(kind, "–")) + " |"));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("## Errors\n\nFailed calls or requests by kind, each with the first message of its kind ")
                .append("(one line, at most ").append(ErrorTally.SAMPLE_CHARS).append(" characters).\n\n")
                .append("| scenario | server | kind | failed | first message |\n|---|---|---|---|---|\n");
        lines.forEach(l -> md.append(l).append('\n'));
        md.append('\n');
    }

    /**
     * Requests that met a connection the server had closed while idle and were sent again: not
     * failures, but a cost the service's keep-alive puts on its clients, so said where there are any.
     */
    private static void staleRetries(StringBuilder md, BenchReport report) {
        List<String> parts = new ArrayList<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                if (st.staleRetries() > 0) {
                    parts.add(s.scenario().name() + " " + st.server().label() + " " + st.staleRetries());
                }
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        md.append("**Stale connections**: requests that met a kept-alive connection the server had closed while ")
                .append("idle, before any byte of the answer, were sent again once on a new connection (RFC 9112 ")
                .append("§9.3.1); their latency counts from the first send (results.csv `stale_retries`): ")
                .append(String.join(", ", parts)).append(".\n\n");
    }

    /** Text inside a table cell: a {@code |} would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
