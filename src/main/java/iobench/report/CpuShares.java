package iobench.report;

import iobench.analysis.BenchReport;
import iobench.analysis.Numbers;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import iobench.analysis.Stat;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
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

    static void render(StringBuilder md, BenchReport report) {
        List<CpuShares> all = of(report);
        if (all.stream().allMatch(c -> c.medianPct().isEmpty())) {
            return;
        }
        md.append("## Where the machine's CPU went\n\n");
        md.append("Per run, each part's share of all ").append(report.environment().cores())
                .append(" cores over the run's wall time (median of the measured repetitions). In one JVM the ")
                .append("parts are told apart by thread name; the load generator's virtual threads and the virtual ")
                .append("server's share the JVM's carrier threads (`loadgen+virtual`), and `jit+gc` is the JVM's ")
                .append("CPU beyond its Java threads (the JIT compiler and the garbage collector). With `--isolate` each ")
                .append("part is a process (10 ms ticks). `outside` is what the machine was busy with beyond all these: ")
                .append("other processes. Parts under 0.5 % are not listed. ")
                .append("Above ").append(Numbers.fixed(SATURATED_PCT, 0))
                .append(" % busy the machine, not the model, is the limit.\n\n");
        md.append("| scenario | server | machine busy | largest parts |\n|---|---|---|---|\n");
        for (CpuShares c : all) {
            md.append("| ").append(c.scenario()).append(" | ").append(c.server().label())
                    .append(" | ").append(Numbers.cell(c.machineBusyPct(), 0)).append(" %")
                    .append(c.saturated() ? " **(limit)**" : "")
                    .append(" | ").append(c.largest(5)).append(" |\n");
        }
        md.append('\n');
    }
}
