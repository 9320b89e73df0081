package iobench.sim;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long a simulated call takes. Every record validates its own numbers and names the bad
 * field; {@link #sampleMs} draws one delay, which the caller clamps to the sim's max delay.
 *
 * <p>The tails are given as a p99 rather than a sigma, because a p99 is what people measure and
 * quote about a real service ("median 120 ms, p99 900 ms").
 */
public sealed interface DelayDistribution {
    /** The names {@code dist} takes, in the order of the records below. */
    List<String> NAMES = List.of("fixed", "uniform", "normal", "lognormal", "exponential");
    /** The standard normal's 99th percentile: p99 = mean + Z99 * sigma. */
    double Z99 = 2.3263478740408408;

    /** One delay in milliseconds, unclamped; it draws only from {@code random}, so a seeded run repeats. */
    double sampleMs(RandomGenerator random);

    /** The value {@code dist} takes for this shape: the record's name in lower case, so the two cannot drift. */
    default String label() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The typical delay: what a scenario reports as its delay and what fan-out servers are asked for. */
    long nominalMs();

    /** Always {@code delayMs}. */
    record Fixed(long delayMs) implements DelayDistribution {
        public Fixed {
            requireMs("delay", delayMs);
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return delayMs;
        }

        @Override
        public long nominalMs() {
            return delayMs;
        }
    }

    /** Evenly spread over {@code [minMs, maxMs]}. */
    record Uniform(long minMs, long maxMs) implements DelayDistribution {
        public Uniform {
            requireMs("min", minMs);
            requireMs("max", maxMs);
            require(maxMs >= minMs, "max", maxMs, "at least min (" + seconds(minMs) + " s)");
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return minMs + random.nextDouble() * (maxMs - minMs);
        }

        @Override
        public long nominalMs() {
            return (minMs + maxMs) / 2;
        }
    }

    /** Bell-shaped around {@code meanMs}; negative draws are clamped to 0, so keep p99 - mean below the mean. */
    record Normal(long meanMs, long p99Ms) implements DelayDistribution {
        public Normal {
            requireMs("delay", meanMs);
            requireTail(meanMs, p99Ms, "the mean");
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return meanMs + random.nextGaussian() * (p99Ms - meanMs) / Z99;
        }

        @Override
        public long nominalMs() {
            return meanMs;
        }
    }

    /**
     * Most calls near the median, a long right tail: the shape of real service latencies.
     * ln(delay) is normal with mu = ln(median) and sigma = ln(p99 / median) / Z99.
     */
    record LogNormal(long medianMs, long p99Ms) implements DelayDistribution {
        public LogNormal {
            requireMs("delay", medianMs);
            require(medianMs > 0, "delay", medianMs, "a median above 0 s for dist=lognormal");
            requireTail(medianMs, p99Ms, "the median");
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            double sigma = Math.log((double) p99Ms / medianMs) / Z99;
            return medianMs * Math.exp(sigma * random.nextGaussian());
        }

        @Override
        public long nominalMs() {
            return medianMs;
        }
    }

    /** Memoryless waits with mean {@code meanMs}: queueing, retries with random back-off. */
    record Exponential(long meanMs) implements DelayDistribution {
        public Exponential {
            requireMs("delay", meanMs);
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return -meanMs * Math.log(1.0 - random.nextDouble());
        }

        @Override
        public long nominalMs() {
            return meanMs;
        }
    }

    /**
     * Builds {@code dist} from the fields a request or scenario gave; a field the shape needs
     * and nobody gave is named as missing.
     *
     * @param baseMs the delay: fixed value, normal and exponential mean, lognormal median
     */
    static DelayDistribution of(String dist, Long baseMs, Long p99Ms, Long minMs, Long maxMs) {
        return switch (dist.toLowerCase(Locale.ROOT)) {
            case "fixed" -> new Fixed(need("delay", baseMs, dist));
            case "uniform" -> new Uniform(need("min", minMs, dist), need("max", maxMs, dist));
            case "normal" -> new Normal(need("delay", baseMs, dist), need("p99", p99Ms, dist));
            case "lognormal" -> new LogNormal(need("delay", baseMs, dist), need("p99", p99Ms, dist));
            case "exponential" -> new Exponential(need("delay", baseMs, dist));
            default -> throw new ProfileFieldException("dist", dist, "one of " + String.join(", ", NAMES));
        };
    }

    private static long need(String field, Long value, String dist) {
        if (value == null) {
            throw new ProfileFieldException(field, null, "a number of seconds; dist=" + dist + " needs it");
        }
        return value;
    }

    private static void requireMs(String field, long ms) {
        require(ms >= 0, field, ms, "a number of seconds of at least 0");
    }

    private static void requireTail(long centreMs, long p99Ms, String centre) {
        requireMs("p99", p99Ms);
        require(p99Ms >= centreMs, "p99", p99Ms, "at least " + centre + " (" + seconds(centreMs) + " s)");
    }

    /** A 400 naming {@code field}, its value in seconds and what it should be, unless {@code holds}. */
    private static void require(boolean holds, String field, long ms, String expected) {
        if (!holds) {
            throw new ProfileFieldException(field, seconds(ms), expected);
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
