package iobench.report;

import iobench.analysis.Numbers;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryScenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code compare A B --max-regression PCT}: the figures of B worse than A's by more than PCT and
 * beyond the noise, in the very terms of {@link RunComparison}'s table (the same matching, medians,
 * change and "beyond noise" column), so that the gate fails exactly on rows a reader finds there.
 *
 * <p>Gated are each server's throughput (lower is worse), duration and p99 (higher is worse). A
 * speedup is not: it compares two servers of one run, which speedup-min gates already. A figure
 * the table marks "–" (one repetition, a figure missing) or of a scenario not valid on either side
 * is not judged, and counted as such, so that a gate that could judge nothing says so.
 *
 * <p>A run B that is INCOMPLETE or holds a scenario not valid is not sound: the gate cannot vouch
 * for it whatever its figures, and says so ({@link Verdict#sound()}), as bench's exit code 1 wins
 * over a broken threshold.
 */
public final class RegressionGate {
    /** The largest limit taken: a throughput cannot fall by more than 100 %, a duration can rise by 1000 %. */
    public static final double MAX_LIMIT_PCT = 1000;

    private static final Pattern LIMIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

    /** One figure of B worse than A's; {@code changePct} is (B - A) / A of the medians, as the table's change. */
    public record Regression(String scenario, String server, String figure, double medianA, double medianB,
                             double changePct, int decimals) {
        /** {@code fan-seq, sync: throughput/s 9.8 -> 4.9 (-50.0 %)}, the medians as the table prints them. */
        public String sentence() {
            return scenario + ", " + server + ": " + figure + " " + Numbers.fixed(medianA, decimals) + " -> "
                    + Numbers.fixed(medianB, decimals) + " (" + RunComparison.signed(changePct) + ")";
        }
    }

    /**
     * @param regressions the figures worse by more than the limit, beyond the noise
     * @param judged      figures whose noise could be told
     * @param notJudged   figures with one repetition, missing, or of a scenario not valid on a side
     * @param unsound     why B cannot be vouched for (INCOMPLETE, scenarios not valid); empty when it can
     */
    public record Verdict(double limitPct, List<Regression> regressions, int judged, int notJudged,
                         List<String> unsound) {
        public boolean sound() {
            return unsound.isEmpty();
        }

        public boolean passed() {
            return sound() && regressions.isEmpty();
        }

        /** What the console says: why B is not sound, each regression, then one line with the verdict. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            unsound.forEach(u -> lines.add("B " + u));
            regressions.forEach(r -> lines.add("regression beyond the noise: " + r.sentence()));
            String limit = "--max-regression " + BigDecimal.valueOf(limitPct).stripTrailingZeros().toPlainString()
                    + ": ";
            String basis = " (" + judged + " figures judged" + (notJudged == 0 ? ")"
                    : "; " + notJudged + " not judged: one repetition, a scenario not valid or a figure missing)");
            String worse = regressions.size() + " figure" + (regressions.size() == 1 ? "" : "s")
                    + " of B worse than A's by more than the limit, beyond the noise";
            if (!sound()) {
                lines.add(limit + "B is not a sound run, so no gate can pass it (exit 1); " + worse + basis);
            } else if (!regressions.isEmpty()) {
                lines.add(limit + worse + basis + " (exit 4)");
            } else {
                lines.add(limit + "no throughput, duration or p99 of B worse than A's by more than the limit, beyond "
                        + "the noise" + basis);
            }
            return lines;
        }
    }

    private RegressionGate() {
    }

    /** B against A, the baseline; {@code limitPct} from 0 to {@link #MAX_LIMIT_PCT}. */
    public static Verdict check(Summary a, Summary b, double limitPct) {
        List<Regression> regressions = new ArrayList<>();
        int judged = 0;
        int notJudged = 0;
        for (RunComparison.Matched m : RunComparison.match(a, b, new ArrayList<>())) {
            for (RunComparison.Figure f : RunComparison.FIGURES) {
                if (f.worse() == 0) {
                    continue;
                }
                double medianA = f.of().apply(m.a()).median();
                double medianB = f.of().apply(m.b()).median();
                double pct = RunComparison.changePct(medianA, medianB);
                String noise = RunComparison.noise(m, f);
                if (!m.valid() || Double.isNaN(pct) || noise.equals("–")) {
                    notJudged++;
                    continue;
                }
                judged++;
                // Rounded as the table prints it: a row that reads +10.0 % does not fail a 10 % gate.
                double shown = Math.round(pct * 10) / 10.0;
                if (shown * f.worse() > limitPct && noise.equals(RunComparison.BEYOND)) {
                    regressions.add(new Regression(m.scenario(), m.server(), f.label(), medianA, medianB,
                            pct, f.decimals()));
                }
            }
        }
        return new Verdict(limitPct, regressions, judged, notJudged, unsound(b));
    }

    private static List<String> unsound(Summary b) {
        List<String> reasons = new ArrayList<>();
        if (!b.complete()) {
            reasons.add("is INCOMPLETE: " + (b.incompleteReason() == null ? "cut short" : b.incompleteReason()));
        }
        for (SummaryScenario s : b.scenarios()) {
            if (!s.valid()) {
                reasons.add("scenario " + s.name() + " is not valid: "
                        + (s.invalidReason() == null ? "no reason given" : s.invalidReason()));
            }
        }
        return reasons;
    }

    /**
     * {@code 10}, {@code 12.5} or {@code 10%}: the limit in percent; anything else is an
     * IllegalArgumentException whose message names the value and the form expected.
     */
    public static double parseLimitPct(String text) {
        Matcher m = LIMIT.matcher(text.strip());
        if (m.matches() && Double.parseDouble(m.group(1)) <= MAX_LIMIT_PCT) {
            return Double.parseDouble(m.group(1));
        }
        throw new IllegalArgumentException("--max-regression '" + text + "' is not allowed; expected a percentage "
                + "from 0 to " + (int) MAX_LIMIT_PCT + ", such as 10 or 12.5%");
    }
}
