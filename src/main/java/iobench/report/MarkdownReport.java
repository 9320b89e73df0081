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
import iobench.report.doc.Block;
import iobench.report.doc.Document;
import iobench.report.doc.MarkdownWriter;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code report.md}: readable on its own, by someone who did not see the run. Its sections are
 * made once, as a {@link Document}; report.md prints them as Markdown, report.html as HTML.
 */
public final class MarkdownReport {
    /** The titles report.html places apart: the summary first, the PNG charts not at all. */
    public static final String SUMMARY = "Summary";
    public static final String CHARTS = "Charts";

    private MarkdownReport() {
    }

    /**
     * @param charts       the chart files written beside the report, linked from it
     * @param noCharts     a sentence saying why charts are missing, or null
     */
    public static String render(BenchReport report, List<iobench.report.charts.Chart> charts, String noCharts) {
        return MarkdownWriter.write(document(report, charts, noCharts));
    }

    /** Every section of the report, for report.md and report.html alike. */
    public static Document document(BenchReport report, List<iobench.report.charts.Chart> charts, String noCharts) {
        List<Section> sections = new ArrayList<>();
        if (!report.complete()) {
            sections.add(new Section(null, List.of(new Block.Quote(Text.strong("INCOMPLETE")
                    .then(": " + report.incompleteReason() + ". The figures below cover only the runs that finished.")))));
        }
        sections.add(environment(report.environment(), report.model()));
        sections.add(howToRead(report));
        add(sections, SuiteTables.section(report, FanOutScenario.class));
        add(sections, SuiteTables.section(report, ClientsScenario.class));
        add(sections, CapacityReport.section(report));
        sections.add(costs(report));
        add(sections, CpuShares.section(report));
        add(sections, WarmupReport.section(report));
        add(sections, charts(charts, noCharts));
        sections.add(summary(report));
        add(sections, thresholds(report));
        add(sections, errors(report));
        Block stale = staleRetries(report);
        if (stale != null) {
            // No section of its own: it ends whichever came last, as it always has.
            Section last = sections.remove(sections.size() - 1);
            List<Block> blocks = new ArrayList<>(last.blocks());
            blocks.add(stale);
            sections.add(new Section(last.title(), blocks));
        }
        return new Document("iobench report", sections);
    }

    private static void add(List<Section> sections, Section section) {
        if (section != null) {
            sections.add(section);
        }
    }

    private static Section environment(Environment env, ModelParams model) {
        List<Block> blocks = new ArrayList<>();
        Table.Builder t = Table.of("", "")
                .row("iobench", env.iobenchVersion())
                .row("JVM", env.jvm())
                .row("cores", Integer.toString(env.cores()))
                .row("OS", env.os())
                .row("scenarios", env.scenariosSource())
                .row("started", env.startedAt())
                .row(false, List.of(Text.of("command"), Text.code(env.command())))
                .row("peak resident memory", env.peakResidentMemory())
                .row("servers ran", env.isolation())
                .row("sync pool", model.syncThreads() + " request threads; parallel fan-out pool " + model.fanoutThreads()
                        + " threads");
        model.named().forEach((contender, m) -> t.row(contender.name() + " model", m.describe()));
        blocks.add(t.build());
        if (!env.servers().isEmpty()) {
            blocks.add(Block.paragraph("Servers:"));
            blocks.add(Block.bullets(env.servers().stream().map(Text::of).toList()));
        }
        return new Section("Environment", blocks);
    }

    private static Section howToRead(BenchReport report) {
        String base = baselineLabel(report);
        return new Section("How to read this", List.of(Block.paragraph(Text.of("Each figure is the median of the "
                + "measured repetitions, with their range (min–max) in brackets; warm-up runs are not counted. ")
                .thenEmphasis("Speedup").then(" compares each server with the " + base + " server: for fan-out it is "
                        + base + " duration / its duration, for clients its throughput / " + base + " throughput. ")
                .thenEmphasis("Model").then(" is what a simple queueing model predicts: a sequential fan-out of K calls "
                        + "takes K delays; a pool of T threads serves N clients in ceil(N / T) waves of one delay; the "
                        + "async and virtual servers hold everything at once, so one delay. ")
                .thenEmphasis("Verdict").then(" uses the original suite's words: >= 5 excellent, >= 2 good, >= 1.2 "
                        + "moderate, else minimal. A scenario in which any call failed is marked not valid and kept out "
                        + "of the averages. Each speedup comes with its 95 % confidence interval in square brackets ("
                        + Confidence.METHOD + ", paired by repetition number) and a word: ")
                .thenEmphasis("significant").then(" when the interval excludes 1x, so the servers differ beyond the "
                        + "noise of the repetitions; with one repetition there is no interval."))));
    }

    private static Section charts(List<iobench.report.charts.Chart> charts, String noCharts) {
        if (charts.isEmpty() && noCharts == null) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        if (noCharts != null) {
            blocks.add(Block.paragraph(noCharts));
        }
        for (iobench.report.charts.Chart c : charts) {
            blocks.add(Block.heading(c.title()));
            blocks.add(new Block.Image(c.title(), c.fileName()));
        }
        return new Section(CHARTS, blocks);
    }

    private static Section costs(BenchReport report) {
        Text intro = Text.of("Per downstream call, over the measured repetitions only (after warm-up): the total over "
                + "the repetitions divided by their calls, with the range of the repetitions' own figures in brackets. "
                + "Fewer than " + CostSummary.MIN_CALLS + " calls and under "
                + Numbers.fixed(CostSummary.MIN_CPU_MS / 1000, 0) + " s of CPU in all is shown as \""
                + CostSummary.TOO_FEW + "\". CPU and allocation of a server that shares the JVM are told apart by its "
                + "thread names (per-thread CPU time in ns); virtual threads run on carrier threads shared with the "
                + "load generator, so in one JVM their figures are n/a: ").thenCode("bench --isolate")
                .then(" runs each server in its own JVM and reads its CPU time (the process CPU clock, ns), allocation, "
                        + "heap and threads from its own ").thenCode("/stats").then(".");
        Table.Builder t = Table.of("scenario", "server", "calls", "CPU ms / call", "alloc KB / call", "peak threads",
                "peak virtual threads", "heap MB after", "measured by");
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                CostSummary c = st.costs();
                t.row(s.scenario().name(), st.server().label(), Long.toString(c.calls()),
                        costCell(c.cpuMsPerCall(), c.cpuMsMin(), c.cpuMsMax(), 3, c),
                        costCell(c.allocKbPerCall(), c.allocKbMin(), c.allocKbMax(), 1, c),
                        c.peakThreads() < 0 ? "–" : Integer.toString(c.peakThreads()),
                        c.peakVirtualThreads() < 0 ? "–" : Integer.toString(c.peakVirtualThreads()),
                        Numbers.cell(c.heapUsedMb(), 1), c.source());
            }
        }
        return new Section("What each model costs", List.of(Block.paragraph(intro), t.build()));
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

    private static Section summary(BenchReport report) {
        Set<Contender> others = new java.util.TreeSet<>();
        report.scenarios().forEach(s -> s.comparisons().forEach(c -> others.add(c.server())));
        if (others.isEmpty()) {
            boolean rate = report.scenarios().stream().anyMatch(s -> s.scenario() instanceof RateScenario);
            return new Section(SUMMARY, List.of(Block.paragraph(rate
                    ? "Rate scenarios compare the servers by their capacity at the SLO, above."
                    : "Only one server ran, so there is nothing to compare.")));
        }
        Table.Builder t = Table.of("server vs " + baselineLabel(report), "suite", "valid scenarios", "mean speedup",
                "min", "max", "significant", "decision (original matrix)");
        for (Contender role : others) {
            for (ScenarioKind kind : new ScenarioKind[] {ScenarioKind.FAN_OUT, ScenarioKind.CLIENTS, null}) {
                SpeedupSummary sum = SpeedupSummary.of(report, role, kind);
                if (sum.total() == 0) {
                    continue;
                }
                t.row(role.label(), kind == null ? "all" : kind.label(), sum.valid() + " of " + sum.total(),
                        Numbers.times(sum.mean()), Numbers.times(sum.min()), Numbers.times(sum.max()),
                        sum.significant() + " of " + sum.valid(), kind == null ? SpeedupSummary.decision(sum.mean()) : "");
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(t.build());
        for (Contender role : others) {
            blocks.add(Block.paragraph(Text.strong(role.label()).then(SpeedupSummary.of(report, role, null)
                    .sentence(role, report.model(), baselineLabel(report)))));
        }
        blocks.add(Block.paragraph(Text.emphasis("Significant").then(" counts the valid scenarios whose speedup "
                + "interval excludes 1x; the means are plain means of the scenarios' speedups, with no interval of "
                + "their own.")));
        blocks.add(Block.paragraph("Decision matrix of the original suite, on the mean speedup over all valid "
                + "scenarios: < 2x evaluate case by case; 2–5x plan a gradual migration; 5–10x prioritise the "
                + "migration; > 10x migrate critical endpoints now."));
        return new Section(SUMMARY, blocks);
    }

    private static Section thresholds(BenchReport report) {
        if (report.thresholds().isEmpty()) {
            return null;
        }
        List<ThresholdCheck> broken = report.brokenThresholds();
        Text intro = broken.isEmpty() ? Text.of("Every threshold of the scenario file is met.")
                : Text.strong(broken.size() + " of " + report.thresholds().size() + " thresholds BROKEN").then("; ")
                .thenCode("iobench bench").then(" exits with code 1.");
        intro = intro.then(" A speedup is checked at its point (the figure before the interval), p99 at the median "
                + "of the repetitions, the error rate over all of them.");
        Table.Builder t = Table.of("scenario", "server", "threshold", "value", "limit", "result");
        for (ThresholdCheck c : report.thresholds()) {
            t.row(!c.met(), List.of(Text.of(c.scenario()), Text.of(c.server().label()), Text.of(c.threshold()),
                    Text.of(c.format(c.value())), Text.of(c.format(c.limit())),
                    c.met() ? Text.of("met") : Text.strong("BROKEN")));
        }
        return new Section("Thresholds", List.of(Block.paragraph(intro), t.build()));
    }

    private static Section errors(BenchReport report) {
        Table.Builder t = Table.of("scenario", "server", "kind", "failed", "first message");
        boolean any = false;
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                if (st.failed() == 0) {
                    continue;
                }
                // One row per kind, with its first message: the count says how often, the message why.
                for (var e : st.errors().entrySet()) {
                    t.row(s.scenario().name(), st.server().label(), String.valueOf(e.getKey()),
                            String.valueOf(e.getValue()), st.errorSamples().getOrDefault(e.getKey(), "–"));
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        return new Section("Errors", List.of(Block.paragraph("Failed calls or requests by kind, each with the first "
                + "message of its kind (one line, at most " + ErrorTally.SAMPLE_CHARS + " characters)."), t.build()));
    }

    /**
     * Requests that met a connection the server had closed while idle and were sent again: not
     * failures, but a cost the service's keep-alive puts on its clients, so said where there are any.
     */
    private static Block staleRetries(BenchReport report) {
        List<String> parts = new ArrayList<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                if (st.staleRetries() > 0) {
                    parts.add(s.scenario().name() + " " + st.server().label() + " " + st.staleRetries());
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return Block.paragraph(Text.strong("Stale connections").then(": requests that met a kept-alive connection the "
                + "server had closed while idle, before any byte of the answer, were sent again once on a new "
                + "connection (RFC 9112 §9.3.1); their latency counts from the first send (results.csv ")
                .thenCode("stale_retries").then("): " + String.join(", ", parts) + "."));
    }
}
