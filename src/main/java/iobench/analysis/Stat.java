package iobench.analysis;

import java.util.Arrays;

/** The median of the repetitions, with their range. */
public record Stat(double median, double min, double max) {
    public static final Stat NONE = new Stat(Double.NaN, Double.NaN, Double.NaN);

    public static Stat of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return NONE;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        return new Stat(median, v[0], v[v.length - 1]);
    }
}
