package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.sim.DelayDistribution.Exponential;
import iobench.sim.DelayDistribution.Fixed;
import iobench.sim.DelayDistribution.LogNormal;
import iobench.sim.DelayDistribution.Normal;
import iobench.sim.DelayDistribution.Uniform;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/** Sampling and validation of delay distributions and profiles, without a server. */
class DelayDistributionTest {
    private static final int SAMPLES = 20_000;

    private static double[] sorted(DelayDistribution distribution, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] samples = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = distribution.sampleMs(random);
        }
        Arrays.sort(samples);
        return samples;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    @Test
    void theSameSeedGivesTheSameDelaysAndFaults() {
        IoProfile profile = new IoProfile(new LogNormal(100, 900), 0.1, 0.1, 0.1, 0.1, 0, 0, 42);
        IoSampler first = new IoSampler(profile);
        IoSampler second = new IoSampler(profile);
        IoSampler otherSeed = new IoSampler(new IoProfile(new LogNormal(100, 900), 0.1, 0.1, 0.1, 0.1, 0, 0, 43));

        boolean differs = false;
        for (int i = 0; i < 1_000; i++) {
            IoSampler.Draw a = first.next(0, 60_000);
            assertEquals(a, second.next(0, 60_000), "draw " + i);
            differs |= !a.equals(otherSeed.next(0, 60_000));
        }
        assertTrue(differs, "another seed gave the very same 1,000 draws");
    }

    @Test
    void lognormalHitsItsMedianAndP99() {
        double[] samples = sorted(new LogNormal(800, 6_000), 1);

        assertEquals(800, quantile(samples, 0.5), 800 * 0.05, "median");
        assertEquals(6_000, quantile(samples, 0.99), 6_000 * 0.10, "p99");
    }

    @Test
    void normalHitsItsMeanAndP99() {
        double[] samples = sorted(new Normal(200, 500), 2);

        assertEquals(200, Arrays.stream(samples).average().orElseThrow(), 5, "mean");
        assertEquals(500, quantile(samples, 0.99), 500 * 0.05, "p99");
    }

    @Test
    void exponentialHitsItsMean() {
        double[] samples = sorted(new Exponential(120), 3);

        assertEquals(120, Arrays.stream(samples).average().orElseThrow(), 120 * 0.05, "mean");
        assertTrue(samples[0] >= 0);
    }

    @Test
    void uniformStaysWithinItsBoundsAndFillsThem() {
        double[] samples = sorted(new Uniform(300, 1_500), 4);

        assertTrue(samples[0] >= 300 && samples[SAMPLES - 1] <= 1_500, samples[0] + ".." + samples[SAMPLES - 1]);
        assertEquals(900, quantile(samples, 0.5), 30, "median");
    }

    @Test
    void drawsAreClampedToTheMaxDelayAndNeverNegative() {
        IoSampler heavyTail = new IoSampler(new IoProfile(new LogNormal(1_000, 60_000), 0, 0, 0, 0, 0, 0, 5));
        IoSampler wideNormal = new IoSampler(new IoProfile(new Normal(10, 1_000), 0, 0, 0, 0, 0, 0, 6));

        for (int i = 0; i < 5_000; i++) {
            long tail = heavyTail.next(0, 2_000).delayMs();
            long normal = wideNormal.next(0, 2_000).delayMs();
            assertTrue(tail >= 0 && tail <= 2_000, "lognormal draw " + tail);
            assertTrue(normal >= 0 && normal <= 2_000, "normal draw " + normal);
        }
    }

    @Test
    void withoutADistributionEachRequestWaitsItsOwnDelay() {
        IoSampler sampler = new IoSampler(IoProfile.NONE);

        assertEquals(new IoSampler.Draw(250, Fault.NONE), sampler.next(250, 60_000));
        assertEquals(new Fixed(250).nominalMs(), sampler.next(250, 60_000).delayMs());
    }

    @Test
    void faultsComeAtTheirRates() {
        IoSampler sampler = new IoSampler(new IoProfile(null, 0.1, 0.05, 0.02, 0.03, 0, 0, 7));
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        for (int i = 0; i < SAMPLES; i++) {
            counts.merge(sampler.next(0, 0).fault(), 1, Integer::sum);
        }

        assertAll(
                () -> assertEquals(0.10, counts.get(Fault.ERROR_500) / (double) SAMPLES, 0.01),
                () -> assertEquals(0.05, counts.get(Fault.UNAVAILABLE_503) / (double) SAMPLES, 0.01),
                () -> assertEquals(0.02, counts.get(Fault.HANG) / (double) SAMPLES, 0.005),
                () -> assertEquals(0.03, counts.get(Fault.RESET) / (double) SAMPLES, 0.005));
    }

    @Test
    void everyNamedProfileIsValidAndItsQueryReadsBackTheSame() {
        for (String name : IoProfiles.names()) {
            IoProfile profile = IoProfiles.named(name);
            IoProfile readBack = IoQuery.forSim(QueryMaps.parse(profile.toQuery()), 60_000);
            assertEquals(profile, readBack, name + ": " + profile.toQuery());
        }
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndItsRange() {
        assertAll(
                () -> refused(() -> new Uniform(500, 100), "max", "at least min"),
                () -> refused(() -> new LogNormal(100, 50), "p99", "at least the median"),
                () -> refused(() -> new LogNormal(0, 50), "delay", "above 0"),
                () -> refused(() -> new Normal(-1, 50), "delay", "at least 0"),
                () -> refused(() -> new IoProfile(null, Double.NaN, 0, 0, 0, 0, 0, 1), "error-rate", "from 0 to 1"),
                () -> refused(() -> new IoProfile(null, 0, 1.5, 0, 0, 0, 0, 1), "unavailable-rate", "from 0 to 1"),
                () -> refused(() -> new IoProfile(null, 0.5, 0, 0.6, 0, 0, 0, 1), "hang-rate", "at most 1"),
                () -> refused(() -> new IoProfile(null, 0, 0, 0, 0, 1_000, 1_000, 1), "stall", "less than stall-every"),
                () -> refused(() -> new IoProfile(null, 0, 0, 0, 0, 0, 100, 1), "stall", "unless stall-every"),
                () -> refused(() -> DelayDistribution.of("lognormal", 100L, null, null, null), "p99", "needs it"),
                () -> refused(() -> DelayDistribution.of("pareto", 100L, null, null, null), "dist", "lognormal"));
    }

    private static void refused(Executable construct, String field, String allowedPart) {
        ProfileFieldException e = assertThrows(ProfileFieldException.class, construct);
        assertEquals(field.replace('-', '_'), e.queryParameter(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        assertTrue(e.allowed().contains(allowedPart), e.getMessage());
    }
}
