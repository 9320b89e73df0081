package iobench.report;

import iobench.analysis.Numbers;
import iobench.analysis.Stat;
import iobench.report.doc.Block;
import iobench.report.doc.Document;
import iobench.report.doc.MarkdownWriter;
import iobench.report.doc.Section;
import iobench.report.doc.Table;
import iobench.report.doc.Text;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
     * A figure of each server.
     *
     * @param worse which way is a regression, for {@link RegressionGate}: 1 higher, -1 lower, 0 not gated
     */
    record Figure(String label, int decimals, int worse, Function<SummaryScenario.Server, Stat> of) {
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("duration s", 3, 1, SummaryScenario.Server::durationS),
            new Figure("throughput/s", 1, -1, SummaryScenario.Server::throughputRps),
            new Figure("p50 ms", 1, 0, SummaryScenario.Server::p50Ms),
            new Figure("p99 ms", 1, 1, SummaryScenario.Server::p99Ms));

    /** What {@link #noise} says of two ranges or intervals apart. */
    static final String BEYOND = "yes";

    private RunComparison() {
    }

    /** The whole document of {@code iobench compare}, also written as compare.md. */
    public static String document(Summary a, Summary b, String nameA, String nameB) {
        return MarkdownWriter.write(compared(a, b, nameA, nameB));
    }

    /** That document as blocks, for compare.md and compare.html alike. */
    public static Document compared(Summary a, Summary b, String nameA, String nameB) {
        return new Document("iobench compare", List.of(new Section(null, blocks(a, b, nameA, nameB))));
    }

    /** The section {@code bench --baseline DIR} appends to report.md (and shows in report.html). */
    public static Section section(Summary baseline, Summary current, String baselineName) {
        return new Section("Compared with " + baselineName, blocks(baseline, current, baselineName, "this run"));
    }

    private static List<Block> blocks(Summary a, Summary b, String nameA, String nameB) {
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
                Stat fa = f.of().apply(m.a());
                Stat fb = f.of().apply(m.b());
                row(table, noise, m.scenario(), m.server(), f.label(), Numbers.range(fa, f.decimals()),
                        Numbers.range(fb, f.decimals()), change(fa.median(), fb.median()));
            }
            row(table, "–", m.scenario(), m.server(), "success", percent(m.a().successRate()),
                    percent(m.b().successRate()), change(m.a().successRate(), m.b().successRate()));
            SummaryScenario.Speedup ca = m.speedupA();
            SummaryScenario.Speedup cb = m.speedupB();
            if (ca != null && cb != null) {
                String noise = noise(ca.interval().low(), ca.interval().high(), cb.interval().low(), cb.interval().high());
                beyond += noise.equals(BEYOND) ? 1 : 0;
                // Each file names its baseline (older ones wrote sync, as it always was then).
                String baseA = ca.against();
                String baseB = cb.against();
                row(table, noise, m.scenario(), m.server(), "speedup vs " + (baseA.equals(baseB) ? baseA
                        : baseA + " (A), " + baseB + " (B)"), speedup(ca), speedup(cb),
                        change(ca.speedup(), cb.speedup()));
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
     * @param a        its figures in A; b likewise
     * @param speedupA its speedup in A, or null (the baseline has none); speedupB likewise
     * @param valid    the scenario is valid in both runs
     */
    record Matched(String scenario, String server, SummaryScenario.Server a, SummaryScenario.Server b,
                   SummaryScenario.Speedup speedupA, SummaryScenario.Speedup speedupB, boolean valid) {
    }

    /**
     * Every server of every scenario in both runs, matched by name, in A's order; a scenario or a
     * server in one run only goes to {@code notes} instead, as a line of "Not compared".
     */
    static List<Matched> match(Summary a, Summary b, List<Text> notes) {
        List<Matched> matched = new ArrayList<>();
        Map<String, SummaryScenario> scenariosA = byName(a.scenarios(), SummaryScenario::name);
        Map<String, SummaryScenario> scenariosB = byName(b.scenarios(), SummaryScenario::name);
        for (Map.Entry<String, SummaryScenario> e : scenariosA.entrySet()) {
            SummaryScenario sb = scenariosB.get(e.getKey());
            if (sb == null) {
                notes.add(Text.of("scenario ").thenStrong(e.getKey()).then(" is only in A"));
                continue;
            }
            SummaryScenario sa = e.getValue();
            boolean valid = sa.valid() && sb.valid();
            Map<String, SummaryScenario.Server> serversA = byName(sa.servers(), SummaryScenario.Server::server);
            Map<String, SummaryScenario.Server> serversB = byName(sb.servers(), SummaryScenario.Server::server);
            for (Map.Entry<String, SummaryScenario.Server> s : serversA.entrySet()) {
                SummaryScenario.Server xb = serversB.get(s.getKey());
                if (xb == null) {
                    notes.add(Text.of(e.getKey() + ", server ").thenStrong(s.getKey()).then(" is only in A"));
                    continue;
                }
                matched.add(new Matched(e.getKey(), s.getKey(), s.getValue(), xb, sa.speedup(s.getKey()),
                        sb.speedup(s.getKey()), valid));
            }
            serversB.keySet().stream().filter(k -> !serversA.containsKey(k))
                    .forEach(k -> notes.add(Text.of(e.getKey() + ", server ").thenStrong(k).then(" is only in B")));
        }
        scenariosB.keySet().stream().filter(k -> !scenariosA.containsKey(k))
                .forEach(k -> notes.add(Text.of("scenario ").thenStrong(k).then(" is only in B")));
        return matched;
    }

    private static String describe(Summary summary) {
        String started = summary.environment().started() == null ? "" : summary.environment().started();
        String complete = summary.complete() ? "" : ", INCOMPLETE";
        String iobench = summary.environment().iobench() == null ? "?" : summary.environment().iobench();
        return started.isEmpty() ? complete : " (started " + started + ", " + iobench + complete + ")";
    }

    /** The first of each name, in order. */
    private static <T> Map<String, T> byName(List<T> list, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(n -> map.putIfAbsent(String.valueOf(name.apply(n)), n));
        return map;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : Numbers.percent(fraction);
    }

    private static String speedup(SummaryScenario.Speedup comparison) {
        double point = comparison.speedup();
        if (Double.isNaN(point)) {
            return "not valid";
        }
        double low = comparison.interval().low();
        return Numbers.times(point) + (Double.isNaN(low) ? " [–]"
                : " [" + Numbers.bound(low) + "–" + Numbers.bound(comparison.interval().high()) + "]");
    }

    static String change(double a, double b) {
        double pct = changePct(a, b);
        return Double.isNaN(pct) ? "–" : signed(pct);
    }

    /** {@code +10.0 %}, {@code -9.1 %}. */
    static String signed(double pct) {
        return (pct >= 0 ? "+" : "") + Numbers.fixed(pct, 1) + " %";
    }

    /** (b - a) / a in percent; NaN when either is missing or a is 0. */
    static double changePct(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || a == 0 ? Double.NaN : (b - a) / a * 100;
    }

    /**
     * Whether a figure's two ranges are apart. A server of one repetition has a range of one point,
     * which says nothing of the noise: "–", as for a range that is missing.
     */
    static String noise(Matched m, Figure f) {
        if (m.a().runs() < 2 || m.b().runs() < 2) {
            return "–";
        }
        Stat fa = f.of().apply(m.a());
        Stat fb = f.of().apply(m.b());
        return noise(fa.min(), fa.max(), fb.min(), fb.max());
    }

    /** Whether [lowA, highA] and [lowB, highB] are apart; "–" when either is missing. */
    static String noise(double lowA, double highA, double lowB, double highB) {
        if (Double.isNaN(lowA) || Double.isNaN(highA) || Double.isNaN(lowB) || Double.isNaN(highB)) {
            return "–";
        }
        return lowB > highA || highB < lowA ? BEYOND : "no";
    }
}
