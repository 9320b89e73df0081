package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.Stat;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import iobench.report.doc.Block;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the machine's CPU went while one server ran one scenario: per part (load generator, sim,
 * servers, JIT, GC) the median over the measured repetitions of its share of all cores, and the
 * machine's busy share beside it. What tells a reader that a 2-core box, not the model, set a figure.
 */
public record CpuShares(String scenario, Contender server, double machineBusyPct, Map<String, Double> medianPct) {
    /** Above this the machine, not the model, is taken to be the limit. */
    public static final double SATURATED_PCT = 90;

    public static List<CpuShares> of(BenchReport report) {
        List<CpuShares> all = new ArrayList<>();
        for (ScenarioSummary s : report.scenarios()) {
            for (ServerStats st : s.servers()) {
                List<RunResult> runs = report.runs().stream()
                        .filter(r -> r.scenario().equals(s.scenario().name()) && r.server().equals(st.server())).toList();
                TreeSet<String> parts = new TreeSet<>();
                runs.forEach(r -> parts.addAll(r.conditions().cpuSharePct().keySet()));
                Map<String, Double> medians = new LinkedHashMap<>();
                for (String part : parts) {
                    medians.put(part, Stat.of(runs.stream().mapToDouble(r -> r.conditions().cpuSharePct()
                            .getOrDefault(part, Double.NaN)).toArray()).median());
                }
                double busy = Stat.of(runs.stream().mapToDouble(r -> r.conditions().machineCpuPct()).toArray()).median();
                all.add(new CpuShares(s.scenario().name(), st.server(), busy, medians));
            }
        }
        return all;
    }

    public boolean saturated() {
        return machineBusyPct >= SATURATED_PCT;
    }

    /** The largest parts, as "jit+gc 31 %, async 22 %, sim 12 %". */
    public String largest(int most) {
        return medianPct.entrySet().stream()
                .filter(e -> !Double.isNaN(e.getValue()) && e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(most)
                .map(e -> e.getKey() + " " + Numbers.fixed(e.getValue(), 0) + " %")
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The sentence under a scenario table when the machine was the limit; empty otherwise. */
    public String limitNote() {
        if (!saturated()) {
            return "";
        }
        return scenario + ", " + server.label() + ": the machine was " + Numbers.fixed(machineBusyPct, 0)
                + " % busy (" + largest(4) + "): its cores, not the model, set this figure.";
    }

    /** The section of report.md, or null when no run measured its parts. */
    static Section section(BenchReport report) {
        List<CpuShares> all = of(report);
        if (all.stream().allMatch(c -> c.medianPct().isEmpty())) {
            return null;
        }
        Text intro = Text.of("Per run, each part's share of all " + report.environment().cores() + " cores over the "
                + "run's wall time (median of the measured repetitions). In one JVM the parts are told apart by thread "
                + "name; the load generator's virtual threads and the virtual server's share the JVM's carrier threads (")
                .thenCode("loadgen+virtual").then("), and ").thenCode("jit+gc")
                .then(" is the JVM's CPU beyond its Java threads (the JIT compiler and the garbage collector). With ")
                .thenCode("--isolate").then(" each part is a process (10 ms ticks). ").thenCode("outside")
                .then(" is what the machine was busy with beyond all these: other processes. Parts under 0.5 % are not "
                        + "listed. Above " + Numbers.fixed(SATURATED_PCT, 0)
                        + " % busy the machine, not the model, is the limit.");
        Table.Builder t = Table.of("scenario", "server", "machine busy", "largest parts");
        for (CpuShares c : all) {
            t.row(false, List.of(Text.of(c.scenario()), Text.of(c.server().label()),
                    Text.of(Numbers.cell(c.machineBusyPct(), 0) + " %").then(c.saturated() ? Text.of(" ").thenStrong(
                            "(limit)") : Text.EMPTY), Text.of(c.largest(5))));
        }
        return new Section("Where the machine's CPU went", List.of(Block.paragraph(intro), t.build()));
    }
}
