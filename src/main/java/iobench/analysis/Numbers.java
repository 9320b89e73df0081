package iobench.analysis;

import java.util.Locale;

/** Number formatting for reports: always a '.' decimal point, whatever the machine's locale. */
public final class Numbers {
    private Numbers() {
    }

    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** For Markdown: a dash where there is no value. */
    public static String cell(double value, int decimals) {
        String s = fixed(value, decimals);
        return s.isEmpty() ? "–" : s;
    }

    public static String range(Stat stat, int decimals) {
        if (Double.isNaN(stat.median())) {
            return "–";
        }
        return fixed(stat.median(), decimals) + " (" + fixed(stat.min(), decimals) + "–" + fixed(stat.max(), decimals) + ")";
    }

    public static String times(double ratio) {
        return Double.isNaN(ratio) ? "–" : fixed(ratio, ratio >= 10 ? 1 : 2) + "x";
    }

    /** A bound of a ratio's interval: the digits of {@link #times} without the 'x'. */
    public static String bound(double ratio) {
        return Double.isNaN(ratio) ? "–" : fixed(ratio, ratio >= 10 ? 1 : 2);
    }

    public static String percent(double fraction) {
        return fixed(fraction * 100, 1) + " %";
    }
}
