package iobench.report;

import iobench.analysis.Capacity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.bench.contender.Contender;

/** summary.json's {@code capacity} entries, one per rate scenario. */
final class CapacityJson {
    private CapacityJson() {
    }

    /** A rate scenario's capacity at its SLO: per server, per repetition, and per staircase step. */
    static ObjectNode of(Capacity c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scenario", c.scenario().name());
        // The SLO each step was judged by (null without one), so a reader can draw it beside the p99s.
        iobench.scenario.RateSpec.Slo slo = c.scenario().rate().slo();
        SummaryJson.number(o, "slo_p99_ms", slo == null ? Double.NaN : slo.p99Ms());
        SummaryJson.number(o, "slo_error_rate", slo == null ? Double.NaN : slo.errorRate());
        o.put("baseline", c.baseline() == null ? null : c.baseline().label());
        ArrayNode servers = o.putArray("servers");
        for (Capacity.ServerCapacity sc : c.servers()) {
            ObjectNode so = servers.addObject();
            so.put("server", sc.server().label());
            ArrayNode reps = so.putArray("capacity_rps_per_repetition");
            ArrayNode lower = so.putArray("lower_bound_per_repetition");
            for (int i = 0; i < sc.perRepetition().length; i++) {
                if (Double.isFinite(sc.perRepetition()[i])) {
                    reps.add(sc.perRepetition()[i]);
                } else {
                    reps.addNull();
                }
                lower.add(sc.atLeast()[i]);
            }
            SummaryJson.number(so, "capacity_rps_median", sc.median());
            if (sc.vsBaseline() != null) {
                ObjectNode v = so.putObject("vs_baseline");
                SummaryJson.number(v, "estimate", sc.vsBaseline().estimate());
                SummaryJson.number(v, "low", sc.vsBaseline().low());
                SummaryJson.number(v, "high", sc.vsBaseline().high());
                v.put("significant", sc.vsBaseline().significant());
                // Readers of earlier files know vs_sync alone; it is kept where it is true: against sync.
                if (Contender.SYNC.equals(c.baseline())) {
                    so.set("vs_sync", v.deepCopy());
                }
            }
        }
        ArrayNode steps = o.putArray("steps");
        for (Capacity.Step st : c.steps()) {
            ObjectNode so = steps.addObject();
            so.put("server", st.server().label());
            so.put("offered_rps", st.offeredRps());
            so.put("valid_runs", st.validRuns());
            so.put("runs", st.runs());
            SummaryJson.stat(so, "achieved_rps", st.achievedRps());
            SummaryJson.stat(so, "p50_ms", st.p50Ms());
            SummaryJson.stat(so, "p99_ms", st.p99Ms());
            SummaryJson.stat(so, "uncorrected_p99_ms", st.uncorrectedP99Ms());
            SummaryJson.number(so, "error_rate", st.errorRate());
            SummaryJson.stat(so, "loadgen_lag_p99_ms", st.lagP99Ms());
            so.put("dropped", st.dropped());
            so.put("slo_met_runs", st.sloMet());
        }
        ArrayNode invalid = o.putArray("runs_left_out");
        c.invalidRuns().forEach(invalid::add);
        return o;
    }
}
