package iobench.analysis;

/**
 * 95 % confidence intervals for the figures a migration decision rests on. Ratios (speedups,
 * capacity ratios) are taken per repetition, paired by repetition number (the servers of one
 * repetition ran back to back), and the interval is Student's t on their logarithms: ratios
 * are multiplicative, and with 3 to 10 repetitions t is honest where a bootstrap is not.
 */
public final class Confidence {
    public static final String METHOD = "Student-t, 95 %, on the log of per-repetition ratios";

    /** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    private Confidence() {
    }

    /**
     * @param estimate the point estimate (the geometric mean of the ratios)
     * @param low      lower bound; NaN with fewer than two ratios
     * @param high     upper bound; NaN with fewer than two ratios
     * @param n        ratios it rests on
     */
    public record Interval(double estimate, double low, double high, int n) {
        /** The interval excludes 1: the two servers differ beyond the noise of the repetitions. */
        public boolean significant() {
            return !Double.isNaN(low) && (low > 1 || high < 1);
        }

        public String word() {
            return Double.isNaN(low) ? "too few repetitions" : significant() ? "significant" : "not significant";
        }
    }

    /** The interval of {@code numerator[i] / denominator[i]} over the pairs where both are positive. */
    public static Interval ratio(double[] numerators, double[] denominators) {
        int pairs = Math.min(numerators.length, denominators.length);
        double[] logs = new double[pairs];
        int n = 0;
        for (int i = 0; i < pairs; i++) {
            if (numerators[i] > 0 && denominators[i] > 0 && Double.isFinite(numerators[i] / denominators[i])) {
                logs[n++] = Math.log(numerators[i] / denominators[i]);
            }
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += logs[i];
        }
        mean /= n;
        if (n == 1) {
            return new Interval(Math.exp(mean), Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (logs[i] - mean) * (logs[i] - mean);
        }
        double halfWidth = t975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Interval(Math.exp(mean), Math.exp(mean - halfWidth), Math.exp(mean + halfWidth), n);
    }

    static double t975(int degreesOfFreedom) {
        return degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : 1.96;
    }
}
