package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import iobench.analysis.Confidence;
import iobench.analysis.Numbers;
import iobench.scenario.Durations;
import iobench.scenario.RateSpec;
import iobench.bench.contender.Contender;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/** The {@code ## Capacity at the SLO} section of report.md: rate scenarios, per server and per step. */
final class CapacityReport {
    private CapacityReport() {
    }

    /** The section, or null when the report has no rate scenario. */
    static Section section(BenchReport report) {
        List<Capacity> all = report.capacities();
        if (all.isEmpty()) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.paragraph(Text.of("Open-model runs: requests arrive at the offered rate whatever the server "
                + "does. Latency counts from each request's intended send time (corrected for coordinated omission, as "
                + "wrk2 does); the uncorrected p99, from the actual send, is beside it. A server's capacity in a "
                + "repetition is the highest step it met the SLO at (corrected p99 and error share) before the first "
                + "step it missed; ").thenEmphasis("≥").then(" means it met every step, so the staircase did not find "
                + "its limit. A run where the load generator itself was the limit (sends p99 more than "
                + Numbers.fixed(iobench.bench.metrics.RateFigures.MAX_LAG_MS, 0) + " ms or 10 % of the delay behind "
                + "schedule, the machine " + Numbers.fixed(iobench.bench.metrics.RateFigures.SATURATED_CPU_PCT, 0)
                + " % busy or more, dropped requests, fewer connections than the rate needs) is not valid and left "
                + "out. Ratios: " + Confidence.METHOD + ".")));
        for (Capacity c : all) {
            scenario(blocks, c);
        }
        return new Section("Capacity at the SLO", blocks);
    }

    private static void scenario(List<Block> blocks, Capacity c) {
        RateSpec spec = c.scenario().rate();
        blocks.add(Block.heading(c.scenario().name()));
        blocks.add(Block.paragraph("Delay " + Numbers.fixed(c.scenario().delaySeconds(), 3) + " s, "
                + Durations.format(spec.durationMs()) + " per step, "
                + (spec.connections() == 0 ? "connections as needed" : spec.connections() + " connections")
                + ", SLO: "
                + (spec.slo() == null ? "none given, so no capacity" : "p99 ≤ " + Durations.format(spec.slo().p99Ms())
                        + " and errors ≤ " + Numbers.fixed(spec.slo().errorRate() * 100, 1) + " %")
                + "."));
        int lowest = spec.rates().get(0);
        if (!c.servers().isEmpty()) {
            Table.Builder t = Table.of("server", "capacity per repetition, req/s", "median",
                    "vs " + c.baseline().label() + " [95 % CI]", "");
            for (Capacity.ServerCapacity s : c.servers()) {
                List<String> reps = new ArrayList<>();
                for (int i = 0; i < s.perRepetition().length; i++) {
                    reps.add(Capacity.rateCell(s.perRepetition()[i], s.atLeast()[i], lowest));
                }
                t.row(s.server().label(), String.join(", ", reps), Capacity.rateCell(s.median(), s.censored(), lowest),
                        ratioCell(s, c.baseline()), s.vsBaseline() == null ? "" : s.bound().equals("?")
                                ? "both capacities are lower bounds (no valid step missed): no ratio; raise the "
                                + "staircase" : s.vsBaseline().word());
            }
            blocks.add(t.build());
        }
        Table.Builder steps = Table.of("offered req/s", "server", "achieved req/s", "p50 ms", "p99 ms",
                "uncorrected p99 ms", "errors", "send lag p99 ms", "in flight peak / needed", "valid runs", "SLO met");
        for (Capacity.Step st : c.steps()) {
            steps.row(Integer.toString(st.offeredRps()), st.server().label(), Numbers.range(st.achievedRps(), 1),
                    Numbers.range(st.p50Ms(), 1), Numbers.range(st.p99Ms(), 1), Numbers.range(st.uncorrectedP99Ms(), 1),
                    (Double.isNaN(st.errorRate()) ? "–" : Numbers.percent(st.errorRate()))
                            + (st.dropped() > 0 ? " (" + st.dropped() + " dropped)" : ""),
                    Numbers.range(st.lagP99Ms(), 1), st.peakInFlight() + " / " + st.neededInFlight(),
                    st.validRuns() + " of " + st.runs(), spec.slo() == null ? "–" : st.sloMet() + " of " + st.validRuns());
        }
        blocks.add(steps.build());
        if (!c.invalidRuns().isEmpty()) {
            blocks.add(Block.paragraph("Not valid, left out of the capacity:"));
            blocks.add(Block.bullets(c.invalidRuns().stream().map(Text::of).toList()));
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
