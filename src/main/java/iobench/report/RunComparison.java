package iobench.report;

import iobench.analysis.Numbers;
import iobench.analysis.Stat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side, from their summary.json: every figure of A and B, the change and whether
 * it is beyond the noise. Scenarios and servers are matched by name.
 *
 * <p>Beyond the noise, precisely: for a duration, a throughput or a latency, the two runs' ranges
 * (min–max over their repetitions) do not overlap; for a speedup, the two 95 % confidence
 * intervals do not overlap. A figure without a range or interval on either side (one repetition,
 * a scenario that is not valid) is marked "–": it cannot be told from the noise.
 */
public final class RunComparison {
    /**
     * A figure of each server, as summary.json names it.
     *
     * @param worse which way is a regression, for {@link RegressionGate}: 1 higher, -1 lower, 0 not gated
     */
    record Figure(String key, String label, int decimals, int worse) {
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("duration_s", "duration s", 3, 1),
            new Figure("throughput_rps", "throughput/s", 1, -1),
            new Figure("p50_ms", "p50 ms", 1, 0),
            new Figure("p99_ms", "p99 ms", 1, 1));

    private RunComparison() {
    }

    /** The whole document of {@code iobench compare}, also written as compare.md. */
    public static String document(JsonNode a, JsonNode b, String nameA, String nameB) {
        return "# iobench compare\n\n" + body(a, b, nameA, nameB);
    }

    /** The section {@code bench --baseline DIR} appends to report.md. */
    public static String section(JsonNode baseline, JsonNode current, String baselineName) {
        return "## Compared with " + baselineName + "\n\n" + body(baseline, current, baselineName, "this run");
    }

    private static String body(JsonNode a, JsonNode b, String nameA, String nameB) {
        StringBuilder md = new StringBuilder();
        md.append("- **A**: ").append(nameA).append(describe(a)).append('\n');
        md.append("- **B**: ").append(nameB).append(describe(b)).append("\n\n");
        md.append("Each figure is the median of the measured repetitions with their range, a speedup with its 95 % ")
                .append("confidence interval. *Change* is (B − A) / A. *Beyond noise*: yes when the two ranges ")
                .append("(durations, throughput, latencies) or the two intervals (speedups) do not overlap, no when ")
                .append("they do, – when one side has none (one repetition, a scenario not valid).\n\n");
        md.append("| scenario | server | figure | A | B | change | beyond noise |\n|---|---|---|---|---|---|---|\n");
        List<String> notes = new ArrayList<>();
        int beyond = 0;
        for (Matched m : match(a, b, notes)) {
            for (Figure f : FIGURES) {
                String noise = noise(m, f);
                beyond += noise.equals("**yes**") ? 1 : 0;
                JsonNode fa = m.a().path(f.key());
                JsonNode fb = m.b().path(f.key());
                row(md, m.scenario(), m.server(), f.label(), range(fa, f.decimals()), range(fb, f.decimals()),
                        change(fa.path("median"), fb.path("median")), noise);
            }
            row(md, m.scenario(), m.server(), "success", percent(m.a().path("success_rate")),
                    percent(m.b().path("success_rate")),
                    change(m.a().path("success_rate"), m.b().path("success_rate")), "–");
            JsonNode ca = m.speedupA();
            JsonNode cb = m.speedupB();
            if (ca != null && cb != null) {
                String noise = noise(ca.path("interval").path("low"), ca.path("interval").path("high"),
                        cb.path("interval").path("low"), cb.path("interval").path("high"));
                beyond += noise.equals("**yes**") ? 1 : 0;
                // Each file names its baseline (older ones wrote sync, as it always was then).
                String baseA = ca.path("baseline").asText("sync");
                String baseB = cb.path("baseline").asText("sync");
                row(md, m.scenario(), m.server(), "speedup vs " + (baseA.equals(baseB) ? baseA
                        : baseA + " (A), " + baseB + " (B)"), speedup(ca), speedup(cb),
                        change(ca.path("speedup"), cb.path("speedup")), noise);
            }
        }
        md.append('\n');
        md.append(beyond == 0 ? "No figure changed beyond the noise.\n\n"
                : beyond + " figure" + (beyond == 1 ? "" : "s") + " changed beyond the noise.\n\n");
        if (!notes.isEmpty()) {
            md.append("Not compared:\n\n");
            notes.forEach(n -> md.append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * One server of one scenario found in both runs.
     *
     * @param a        its figures in A (an entry of the scenario's "servers"); b likewise
     * @param speedupA its entry in A's "comparisons", or null (the baseline has none); speedupB likewise
     * @param valid    the scenario is valid in both runs
     */
    record Matched(String scenario, String server, JsonNode a, JsonNode b, JsonNode speedupA, JsonNode speedupB,
                   boolean valid) {
    }

    /**
     * Every server of every scenario in both runs, matched by name, in A's order; a scenario or a
     * server in one run only goes to {@code notes} instead, as a line of "Not compared".
     */
    static List<Matched> match(JsonNode a, JsonNode b, List<String> notes) {
        List<Matched> matched = new ArrayList<>();
        Map<String, JsonNode> scenariosA = byName(a.path("scenarios"), "name");
        Map<String, JsonNode> scenariosB = byName(b.path("scenarios"), "name");
        for (Map.Entry<String, JsonNode> e : scenariosA.entrySet()) {
            JsonNode sb = scenariosB.get(e.getKey());
            if (sb == null) {
                notes.add("- scenario **" + e.getKey() + "** is only in A");
                continue;
            }
            JsonNode sa = e.getValue();
            boolean valid = sa.path("valid").asBoolean(true) && sb.path("valid").asBoolean(true);
            Map<String, JsonNode> serversA = byName(sa.path("servers"), "server");
            Map<String, JsonNode> serversB = byName(sb.path("servers"), "server");
            Map<String, JsonNode> speedupsA = byName(sa.path("comparisons"), "server");
            Map<String, JsonNode> speedupsB = byName(sb.path("comparisons"), "server");
            for (Map.Entry<String, JsonNode> s : serversA.entrySet()) {
                JsonNode xb = serversB.get(s.getKey());
                if (xb == null) {
                    notes.add("- " + e.getKey() + ", server **" + s.getKey() + "** is only in A");
                    continue;
                }
                matched.add(new Matched(e.getKey(), s.getKey(), s.getValue(), xb, speedupsA.get(s.getKey()),
                        speedupsB.get(s.getKey()), valid));
            }
            serversB.keySet().stream().filter(k -> !serversA.containsKey(k))
                    .forEach(k -> notes.add("- " + e.getKey() + ", server **" + k + "** is only in B"));
        }
        scenariosB.keySet().stream().filter(k -> !scenariosA.containsKey(k))
                .forEach(k -> notes.add("- scenario **" + k + "** is only in B"));
        return matched;
    }

    private static String describe(JsonNode summary) {
        JsonNode env = summary.path("environment");
        String started = env.path("started").asText("");
        String complete = summary.path("complete").asBoolean(true) ? "" : ", INCOMPLETE";
        return started.isEmpty() ? complete : " (started " + started + ", " + env.path("iobench").asText("?")
                + complete + ")";
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(n -> map.putIfAbsent(n.path(field).asText(), n));
        return map;
    }

    private static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static double value(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static String range(JsonNode stat, int decimals) {
        return Numbers.range(new Stat(value(stat.path("median")), value(stat.path("min")), value(stat.path("max"))),
                decimals);
    }

    private static String percent(JsonNode fraction) {
        return Double.isNaN(value(fraction)) ? "–" : Numbers.percent(value(fraction));
    }

    private static String speedup(JsonNode comparison) {
        double point = value(comparison.path("speedup"));
        if (Double.isNaN(point)) {
            return "not valid";
        }
        JsonNode i = comparison.path("interval");
        double low = value(i.path("low"));
        return Numbers.times(point) + (Double.isNaN(low) ? " [–]"
                : " [" + Numbers.bound(low) + "–" + Numbers.bound(value(i.path("high"))) + "]");
    }

    static String change(JsonNode a, JsonNode b) {
        double pct = changePct(a, b);
        return Double.isNaN(pct) ? "–" : signed(pct);
    }

    /** {@code +10.0 %}, {@code -9.1 %}. */
    static String signed(double pct) {
        return (pct >= 0 ? "+" : "") + Numbers.fixed(pct, 1) + " %";
    }

    /** (b - a) / a in percent; NaN when either is missing or a is 0. */
    static double changePct(JsonNode a, JsonNode b) {
        double va = value(a);
        double vb = value(b);
        return Double.isNaN(va) || Double.isNaN(vb) || va == 0 ? Double.NaN : (vb - va) / va * 100;
    }

    /**
     * Whether a figure's two ranges are apart. A server of one repetition has a range of one point,
     * which says nothing of the noise: "–", as for a range that is missing.
     */
    static String noise(Matched m, Figure f) {
        if (m.a().path("runs").asInt(2) < 2 || m.b().path("runs").asInt(2) < 2) {
            return "–";
        }
        JsonNode fa = m.a().path(f.key());
        JsonNode fb = m.b().path(f.key());
        return noise(fa.path("min"), fa.path("max"), fb.path("min"), fb.path("max"));
    }

    /** Whether [lowA, highA] and [lowB, highB] are apart; "–" when either is missing. */
    static String noise(JsonNode lowA, JsonNode highA, JsonNode lowB, JsonNode highB) {
        double la = value(lowA);
        double ha = value(highA);
        double lb = value(lowB);
        double hb = value(highB);
        if (Double.isNaN(la) || Double.isNaN(ha) || Double.isNaN(lb) || Double.isNaN(hb)) {
            return "–";
        }
        return lb > ha || hb < la ? "**yes**" : "no";
    }
}
