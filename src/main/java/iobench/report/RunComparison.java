package iobench.report;

import iobench.analysis.Numbers;
import iobench.analysis.Stat;
import com.fasterxml.jackson.databind.JsonNode;
import iobench.report.doc.Block;
import iobench.report.doc.Document;
import iobench.report.doc.MarkdownWriter;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
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

    /** What {@link #noise} says of two ranges or intervals apart. */
    static final String BEYOND = "yes";

    private RunComparison() {
    }

    /** The whole document of {@code iobench compare}, also written as compare.md. */
    public static String document(JsonNode a, JsonNode b, String nameA, String nameB) {
        return MarkdownWriter.write(compared(a, b, nameA, nameB));
    }

    /** That document as blocks, for compare.md and compare.html alike. */
    public static Document compared(JsonNode a, JsonNode b, String nameA, String nameB) {
        return new Document("iobench compare", List.of(new Section(null, blocks(a, b, nameA, nameB))));
    }

    /** The section {@code bench --baseline DIR} appends to report.md (and shows in report.html). */
    public static Section section(JsonNode baseline, JsonNode current, String baselineName) {
        return new Section("Compared with " + baselineName, blocks(baseline, current, baselineName, "this run"));
    }

    private static List<Block> blocks(JsonNode a, JsonNode b, String nameA, String nameB) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.bullets(List.of(Text.strong("A").then(": " + nameA + describe(a)),
                Text.strong("B").then(": " + nameB + describe(b)))));
        blocks.add(Block.paragraph(Text.of("Each figure is the median of the measured repetitions with their range, a "
                + "speedup with its 95 % confidence interval. ").thenEmphasis("Change").then(" is (B − A) / A. ")
                .thenEmphasis("Beyond noise").then(": yes when the two ranges (durations, throughput, latencies) or the "
                        + "two intervals (speedups) do not overlap, no when they do, – when one side has none (one "
                        + "repetition, a scenario not valid).")));
        Table.Builder table = Table.of("scenario", "server", "figure", "A", "B", "change", "beyond noise");
        List<Text> notes = new ArrayList<>();
        int beyond = 0;
        for (Matched m : match(a, b, notes)) {
            for (Figure f : FIGURES) {
                String noise = noise(m, f);
                beyond += noise.equals(BEYOND) ? 1 : 0;
                JsonNode fa = m.a().path(f.key());
                JsonNode fb = m.b().path(f.key());
                row(table, noise, m.scenario(), m.server(), f.label(), range(fa, f.decimals()), range(fb, f.decimals()),
                        change(fa.path("median"), fb.path("median")));
            }
            row(table, "–", m.scenario(), m.server(), "success", percent(m.a().path("success_rate")),
                    percent(m.b().path("success_rate")),
                    change(m.a().path("success_rate"), m.b().path("success_rate")));
            JsonNode ca = m.speedupA();
            JsonNode cb = m.speedupB();
            if (ca != null && cb != null) {
                String noise = noise(ca.path("interval").path("low"), ca.path("interval").path("high"),
                        cb.path("interval").path("low"), cb.path("interval").path("high"));
                beyond += noise.equals(BEYOND) ? 1 : 0;
                // Each file names its baseline (older ones wrote sync, as it always was then).
                String baseA = ca.path("baseline").asText("sync");
                String baseB = cb.path("baseline").asText("sync");
                row(table, noise, m.scenario(), m.server(), "speedup vs " + (baseA.equals(baseB) ? baseA
                        : baseA + " (A), " + baseB + " (B)"), speedup(ca), speedup(cb),
                        change(ca.path("speedup"), cb.path("speedup")));
            }
        }
        blocks.add(table.build());
        blocks.add(Block.paragraph(beyond == 0 ? "No figure changed beyond the noise."
                : beyond + " figure" + (beyond == 1 ? "" : "s") + " changed beyond the noise."));
        if (!notes.isEmpty()) {
            blocks.add(Block.paragraph("Not compared:"));
            blocks.add(Block.bullets(notes));
        }
        return blocks;
    }

    /** A row of figures; one beyond the noise is flagged, its "yes" in bold. */
    private static void row(Table.Builder table, String noise, String... cells) {
        List<Text> row = new ArrayList<>(java.util.Arrays.stream(cells).map(Text::of).toList());
        boolean beyond = noise.equals(BEYOND);
        row.add(beyond ? Text.strong("yes") : Text.of(noise));
        table.row(beyond, row);
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
    static List<Matched> match(JsonNode a, JsonNode b, List<Text> notes) {
        List<Matched> matched = new ArrayList<>();
        Map<String, JsonNode> scenariosA = byName(a.path("scenarios"), "name");
        Map<String, JsonNode> scenariosB = byName(b.path("scenarios"), "name");
        for (Map.Entry<String, JsonNode> e : scenariosA.entrySet()) {
            JsonNode sb = scenariosB.get(e.getKey());
            if (sb == null) {
                notes.add(Text.of("scenario ").thenStrong(e.getKey()).then(" is only in A"));
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
                    notes.add(Text.of(e.getKey() + ", server ").thenStrong(s.getKey()).then(" is only in A"));
                    continue;
                }
                matched.add(new Matched(e.getKey(), s.getKey(), s.getValue(), xb, speedupsA.get(s.getKey()),
                        speedupsB.get(s.getKey()), valid));
            }
            serversB.keySet().stream().filter(k -> !serversA.containsKey(k))
                    .forEach(k -> notes.add(Text.of(e.getKey() + ", server ").thenStrong(k).then(" is only in B")));
        }
        scenariosB.keySet().stream().filter(k -> !scenariosA.containsKey(k))
                .forEach(k -> notes.add(Text.of("scenario ").thenStrong(k).then(" is only in B")));
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
        return lb > ha || hb < la ? BEYOND : "no";
    }
}
