package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Comparison;
import iobench.analysis.Confidence;
import iobench.analysis.CostSummary;
import iobench.analysis.Environment;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.ThresholdCheck;
import iobench.bench.warmup.TimeToSteady;
import iobench.bench.warmup.WarmupOutcome;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryScenario;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.RateScenario;

/**
 * {@code summary.json}'s content made from the analysis: every figure of report.md, for machines
 * and for {@code iobench compare}. {@link iobench.report.summary.SummaryFile} writes it as text.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /** The summary of a report: what summary.json holds, for a comparison without writing and reading it. */
    public static Summary of(BenchReport report) {
        Environment env = report.environment();
        return new Summary(Summary.FORMAT, Summary.VERSION, report.complete(), report.incompleteReason(),
                new Summary.Environment(env.iobenchVersion(), env.jvm(), env.cores(), env.os(), env.scenariosSource(),
                        env.startedAt(), env.command(), env.peakResidentMemory(), env.isolation(), env.servers()),
                new Summary.ModelParams(report.model().syncThreads(), report.model().fanoutThreads()),
                Confidence.METHOD,
                report.scenarios().stream().map(SummaryJson::scenario).toList(),
                report.capacities().stream().map(CapacityJson::of).toList(),
                report.thresholds().stream().map(SummaryJson::threshold).toList(),
                report.timeToSteady().stream().map(SummaryJson::steady).toList(),
                report.warmupPhases().stream().map(SummaryJson::phase).toList(),
                null);
    }

    private static Summary.Threshold threshold(ThresholdCheck t) {
        return new Summary.Threshold(t.scenario(), t.server().label(), t.threshold(), t.value(), t.limit(), t.met());
    }

    private static Summary.TimeToSteady steady(TimeToSteady t) {
        // A named target that refused the short warm-up delay, warmed at its scenarios' own delays.
        Summary.RefusedDelay refused = t.refusedDelay() == null ? null : new Summary.RefusedDelay(
                t.refusedDelay().refusedDelayMs(), t.refusedDelay().why(), t.refusedDelay().warmedAtMs());
        return new Summary.TimeToSteady(t.server().label(), t.firstRequestMs(), t.delayMs(), t.steady(), t.steadyIn(),
                t.calls(), t.durationS(), refused);
    }

    private static Summary.WarmupPhase phase(WarmupOutcome w) {
        return new Summary.WarmupPhase(w.scenario(), w.server().label(), w.rounds(), w.calls(), w.durationS(),
                w.jitGrowthMs(), w.steady(), w.capped(), w.failure());
    }

    private static SummaryScenario scenario(ScenarioSummary s) {
        // The summary's columns predate rate scenarios, and each kind fills only its own: the others say 1.
        int[] shape = switch (s.scenario()) {
            case FanOutScenario f -> new int[] {f.concurrent(), 1, 1};
            case ClientsScenario c -> new int[] {1, c.clients(), c.requests()};
            case RateScenario r -> new int[] {1, 1, 1};
        };
        // Its requests are 0: the clients sent for this long instead.
        Double durationS = s.scenario() instanceof ClientsScenario c && c.forTime() ? c.durationMs() / 1000.0 : null;
        String baseline = s.baseline() == null ? null : s.baseline().label();
        return new SummaryScenario(s.scenario().name(), s.scenario().kind().label(), s.scenario().delaySeconds(),
                shape[0], shape[1], shape[2], durationS, s.scenario().repetitions(), s.scenario().strategy().label(),
                s.valid(), s.invalidReason(), baseline,
                s.servers().stream().map(SummaryJson::server).toList(),
                s.comparisons().stream().map(c -> speedup(c, baseline)).toList());
    }

    private static SummaryScenario.Server server(ServerStats st) {
        return new SummaryScenario.Server(st.server().label(), st.runs(), st.durationS(), st.throughputRps(),
                st.p50Ms(), st.p99Ms(), st.successRate(), st.failed(), st.staleRetries(), st.errors(),
                st.errorSamples(), st.modelDurationS(), st.efficiency(), st.modelNote(), st.machineCpuPctMax(),
                st.loadgenLagP99MsMax(), costs(st.costs()));
    }

    private static SummaryScenario.Costs costs(CostSummary c) {
        // Too little work gives no figure (null), as the report says "too few calls".
        boolean enough = c.enoughWork();
        return new SummaryScenario.Costs(c.calls(), enough, enough ? c.cpuMsPerCall() : Double.NaN,
                enough ? c.cpuMsMin() : Double.NaN, enough ? c.cpuMsMax() : Double.NaN,
                enough ? c.allocKbPerCall() : Double.NaN, c.peakThreads() < 0 ? null : c.peakThreads(),
                c.peakVirtualThreads() < 0 ? null : c.peakVirtualThreads(), c.heapUsedMb(), c.source());
    }

    private static SummaryScenario.Speedup speedup(Comparison c, String baseline) {
        Confidence.Interval i = c.interval();
        return new SummaryScenario.Speedup(c.server().label(), baseline, c.speedup(), c.modelSpeedup(), c.verdict(),
                new SummaryScenario.Interval(i.estimate(), i.low(), i.high(), i.n(), i.significant(), i.word()));
    }
}
