package iobench.analysis;

import iobench.scenario.Scenario;
import java.util.Locale;

/**
 * Sets a measurement against its model. Within 20 % it says nothing; beyond, it says by how much
 * and names the likely limit among those iobench can see, so that a reader knows whether the
 * figure is the server's or the machine's.
 */
public final class ModelCheck {
    /** How far a measurement may miss its model before the report says so. */
    public static final double TOLERANCE = 0.20;
    /** Above this busy share of all cores the machine itself was the limit. */
    static final double SATURATED_CPU_PCT = 90;

    private ModelCheck() {
    }

    /** Null within tolerance, else one sentence. */
    static String note(Scenario scenario, double modelS, double measuredS, double machineCpuPct, double lagP99Ms) {
        if (!(modelS > 0) || !(measuredS > 0)) {
            return null;
        }
        double ratio = measuredS / modelS;
        if (ratio <= 1 + TOLERANCE && ratio >= 1 - TOLERANCE) {
            return null;
        }
        if (ratio < 1) {
            return String.format(Locale.ROOT, "%.0f %% faster than the model: the server holds more at once than "
                    + "the model assumes (check its thread settings)", (1 - ratio) * 100);
        }
        String miss = String.format(Locale.ROOT, "%.0f %% slower than the model (%.0f ms over)", (ratio - 1) * 100,
                (measuredS - modelS) * 1000);
        double lagLimitMs = Math.max(5, scenario.delayMs() * 0.1);
        if (machineCpuPct >= SATURATED_CPU_PCT) {
            return miss + String.format(Locale.ROOT, "; likely limit: CPU saturation (the machine was %.0f %% busy)",
                    machineCpuPct);
        }
        if (lagP99Ms > lagLimitMs) {
            return miss + String.format(Locale.ROOT, "; likely limit: the load generator (p99 %.0f ms late to send)",
                    lagP99Ms);
        }
        return miss + "; no limit visible to iobench (machine " + (Double.isNaN(machineCpuPct) ? "n/a"
                : String.format(Locale.ROOT, "%.0f %%", machineCpuPct)) + " busy, generator p99 lag "
                + (Double.isNaN(lagP99Ms) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", lagP99Ms))
                + "): per-call overhead in the server or its downstream client";
    }
}
