package iobench.report;

import iobench.analysis.Capacity;
import iobench.analysis.Confidence;
import iobench.bench.contender.Contender;
import iobench.report.summary.SummaryCapacity;
import iobench.scenario.RateSpec;
import java.util.ArrayList;
import java.util.List;

/** summary.json's {@code capacity} entries, one per rate scenario. */
final class CapacityJson {
    private CapacityJson() {
    }

    /** A rate scenario's capacity at its SLO: per server, per repetition, and per staircase step. */
    static SummaryCapacity of(Capacity c) {
        // The SLO each step was judged by (NaN, null in the file, without one), so a reader can draw it beside the p99s.
        RateSpec.Slo slo = c.scenario().rate().slo();
        List<SummaryCapacity.Server> servers = new ArrayList<>();
        for (Capacity.ServerCapacity sc : c.servers()) {
            List<Double> perRepetition = new ArrayList<>();
            List<Boolean> lowerBound = new ArrayList<>();
            for (int i = 0; i < sc.perRepetition().length; i++) {
                perRepetition.add(Double.isFinite(sc.perRepetition()[i]) ? sc.perRepetition()[i] : null);
                lowerBound.add(sc.atLeast()[i]);
            }
            SummaryCapacity.Ratio vs = ratio(sc.vsBaseline());
            // Readers of earlier files know vs_sync alone; it is kept where it is true: against sync.
            SummaryCapacity.Ratio vsSync = vs != null && Contender.SYNC.equals(c.baseline()) ? vs : null;
            servers.add(new SummaryCapacity.Server(sc.server().label(), perRepetition, lowerBound, sc.median(), vs,
                    vsSync));
        }
        List<SummaryCapacity.Step> steps = c.steps().stream().map(st -> new SummaryCapacity.Step(st.server().label(),
                st.offeredRps(), st.validRuns(), st.runs(), st.achievedRps(), st.p50Ms(), st.p99Ms(),
                st.uncorrectedP99Ms(), st.errorRate(), st.lagP99Ms(), st.dropped(), st.sloMet())).toList();
        return new SummaryCapacity(c.scenario().name(), slo == null ? Double.NaN : slo.p99Ms(),
                slo == null ? Double.NaN : slo.errorRate(), c.baseline() == null ? null : c.baseline().label(),
                servers, steps, c.invalidRuns());
    }

    private static SummaryCapacity.Ratio ratio(Confidence.Interval vs) {
        return vs == null ? null : new SummaryCapacity.Ratio(vs.estimate(), vs.low(), vs.high(), vs.significant());
    }
}
