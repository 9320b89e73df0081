package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import iobench.analysis.Confidence;
import iobench.analysis.Numbers;
import iobench.scenario.Durations;
import iobench.scenario.RateSpec;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;

/** The {@code ## Capacity at the SLO} section of report.md: rate scenarios, per server and per step. */
final class CapacityReport {
    private CapacityReport() {
    }

    static void render(StringBuilder md, BenchReport report) {
        List<Capacity> all = report.capacities();
        if (all.isEmpty()) {
            return;
        }
        md.append("## Capacity at the SLO\n\n");
        md.append("Open-model runs: requests arrive at the offered rate whatever the server does. Latency counts ")
                .append("from each request's intended send time (corrected for coordinated omission, as wrk2 does); ")
                .append("the uncorrected p99, from the actual send, is beside it. A server's capacity in a ")
                .append("repetition is the highest step it met the SLO at (corrected p99 and error share) before ")
                .append("the first step it missed; *≥* means it met every step, so the staircase did not find its ")
                .append("limit. A run where the load generator itself was the limit (sends p99 more than ")
                .append(Numbers.fixed(iobench.bench.metrics.RateFigures.MAX_LAG_MS, 0))
                .append(" ms or 10 % of the delay behind schedule, the machine ")
                .append(Numbers.fixed(iobench.bench.metrics.RateFigures.SATURATED_CPU_PCT, 0))
                .append(" % busy or more, dropped requests, fewer connections than the rate needs) is not valid and ")
                .append("left out. Ratios: ").append(Confidence.METHOD).append(".\n\n");
        for (Capacity c : all) {
            scenario(md, c);
        }
    }

    private static void scenario(StringBuilder md, Capacity c) {
        RateSpec spec = c.scenario().rate();
        md.append("### ").append(c.scenario().name()).append("\n\n");
        md.append("Delay ").append(Numbers.fixed(c.scenario().delaySeconds(), 3)).append(" s, ")
                .append(Durations.format(spec.durationMs())).append(" per step, ")
                .append(spec.connections() == 0 ? "connections as needed" : spec.connections() + " connections")
                .append(", SLO: ")
                .append(spec.slo() == null ? "none given, so no capacity" : "p99 ≤ " + Durations.format(spec.slo().p99Ms())
                        + " and errors ≤ " + Numbers.fixed(spec.slo().errorRate() * 100, 1) + " %")
                .append(".\n\n");
        int lowest = spec.rates().get(0);
        if (!c.servers().isEmpty()) {
            md.append("| server | capacity per repetition, req/s | median | vs ").append(c.baseline().label())
                    .append(" [95 % CI] | |\n");
            md.append("|---|---|---|---|---|\n");
            for (Capacity.ServerCapacity s : c.servers()) {
                List<String> reps = new ArrayList<>();
                for (int i = 0; i < s.perRepetition().length; i++) {
                    reps.add(Capacity.rateCell(s.perRepetition()[i], s.atLeast()[i], lowest));
                }
                md.append("| ").append(s.server().label())
                        .append(" | ").append(String.join(", ", reps))
                        .append(" | ").append(Capacity.rateCell(s.median(), s.censored(), lowest))
                        .append(" | ").append(ratioCell(s, c.baseline()))
                        .append(" | ").append(s.vsBaseline() == null ? "" : s.bound().equals("?")
                                ? "both capacities are lower bounds (no valid step missed): no ratio; raise the "
                                + "staircase" : s.vsBaseline().word())
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("| offered req/s | server | achieved req/s | p50 ms | p99 ms | uncorrected p99 ms | errors | "
                + "send lag p99 ms | in flight peak / needed | valid runs | SLO met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Capacity.Step st : c.steps()) {
            md.append("| ").append(st.offeredRps())
                    .append(" | ").append(st.server().label())
                    .append(" | ").append(Numbers.range(st.achievedRps(), 1))
                    .append(" | ").append(Numbers.range(st.p50Ms(), 1))
                    .append(" | ").append(Numbers.range(st.p99Ms(), 1))
                    .append(" | ").append(Numbers.range(st.uncorrectedP99Ms(), 1))
                    .append(" | ").append(Double.isNaN(st.errorRate()) ? "–" : Numbers.percent(st.errorRate()))
                    .append(st.dropped() > 0 ? " (" + st.dropped() + " dropped)" : "")
                    .append(" | ").append(Numbers.range(st.lagP99Ms(), 1))
                    .append(" | ").append(st.peakInFlight()).append(" / ").append(st.neededInFlight())
                    .append(" | ").append(st.validRuns()).append(" of ").append(st.runs())
                    .append(" | ").append(spec.slo() == null ? "–" : st.sloMet() + " of " + st.validRuns())
                    .append(" |\n");
        }
        md.append('\n');
        if (!c.invalidRuns().isEmpty()) {
            md.append("Not valid, left out of the capacity:\n\n");
            c.invalidRuns().forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
    }

    private static String ratioCell(Capacity.ServerCapacity s, Contender baseline) {
        if (s.server().equals(baseline)) {
            return "baseline";
        }
        Confidence.Interval i = s.vsBaseline();
        if (i == null || Double.isNaN(i.estimate()) || s.bound().equals("?")) {
            return "–";
        }
        String prefix = s.bound().isEmpty() ? "" : s.bound() + " ";
        String ci = Double.isNaN(i.low()) ? "" : " [" + Numbers.fixed(i.low(), 2) + "–" + Numbers.fixed(i.high(), 2) + "]";
        return prefix + Numbers.times(i.estimate()) + ci;
    }
}
