package iobench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the sim answers: a delay distribution and faults. Validated here, so the sim and the
 * scenario file refuse the same values with the same words.
 *
 * @param distribution    null: each request waits the {@code delay} it asks for
 * @param errorRate       share of requests answered 500 (0..1)
 * @param unavailableRate share answered 503 (0..1)
 * @param hangRate        share never answered (0..1)
 * @param resetRate       share whose connection is reset (0..1); the four rates add up to at most 1
 * @param stallEveryMs    0: no stalls; else a sim-wide stall window starts every this often
 * @param stallMs         how long each stall window lasts; less than {@code stallEveryMs}
 * @param seed            seeds the stream that delays and faults are drawn from
 */
public record IoProfile(
        DelayDistribution distribution,
        double errorRate,
        double unavailableRate,
        double hangRate,
        double resetRate,
        long stallEveryMs,
        long stallMs,
        long seed) {

    /** The seed when none is given: a run is repeatable unless asked otherwise. */
    public static final long DEFAULT_SEED = 1;
    /** Fixed delays as each request asks, no faults: the sim as it always was. */
    public static final IoProfile NONE = new IoProfile(null, 0, 0, 0, 0, 0, 0, DEFAULT_SEED);
    /** Longest stall period, one hour: enough for any benchmark run. */
    public static final long MAX_STALL_EVERY_MS = 3_600_000;

    public IoProfile {
        requireRate("error-rate", errorRate);
        requireRate("unavailable-rate", unavailableRate);
        requireRate("hang-rate", hangRate);
        requireRate("reset-rate", resetRate);
        double sum = errorRate + unavailableRate + hangRate + resetRate;
        if (sum > 1.0 + 1e-9) {
            // Blame the last rate given: the one that pushed the sum over.
            String field = resetRate > 0 ? "reset-rate" : hangRate > 0 ? "hang-rate" : "unavailable-rate";
            double value = resetRate > 0 ? resetRate : hangRate > 0 ? hangRate : unavailableRate;
            throw new ProfileFieldException(field, value, "error-rate + unavailable-rate + hang-rate"
                    + " + reset-rate of at most 1 (they add up to " + Math.round(sum * 1e6) / 1e6 + ")");
        }
        if (stallEveryMs < 0 || stallEveryMs > MAX_STALL_EVERY_MS) {
            throw new ProfileFieldException("stall-every", stallEveryMs / 1000.0, "0 (no stalls) to 3600 seconds");
        }
        if (stallMs < 0 || (stallEveryMs == 0 && stallMs != 0) || (stallEveryMs > 0 && stallMs >= stallEveryMs)) {
            throw new ProfileFieldException("stall", stallMs / 1000.0, stallEveryMs == 0
                    ? "0 unless stall-every is set" : "0 to less than stall-every (" + stallEveryMs / 1000.0 + " s)");
        }
    }

    private static void requireRate(String field, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new ProfileFieldException(field, rate, "a rate from 0 to 1");
        }
    }

    /**
     * The fault for a uniform draw {@code u} in [0, 1): the rates are stacked end to end, so one
     * draw decides, and the same seed gives the same faults.
     */
    public Fault faultFor(double u) {
        double bound = errorRate;
        if (u < bound) {
            return Fault.ERROR_500;
        }
        bound += unavailableRate;
        if (u < bound) {
            return Fault.UNAVAILABLE_503;
        }
        bound += hangRate;
        if (u < bound) {
            return Fault.HANG;
        }
        bound += resetRate;
        return u < bound ? Fault.RESET : Fault.NONE;
    }

    /** The delay a request without a profile of its own is reported under: the distribution's, else its own. */
    public long nominalMs(long requestDelayMs) {
        return distribution == null ? requestDelayMs : distribution.nominalMs();
    }

    /**
     * The profile as the query of {@code POST /profile} (and of {@code /slow-io}), values in
     * seconds; reading it back gives this profile again.
     */
    public String toQuery() {
        List<String> parts = new ArrayList<>();
        switch (distribution) {
            case null -> {
            }
            case DelayDistribution.Fixed f -> parts.add("dist=fixed&delay=" + seconds(f.delayMs()));
            case DelayDistribution.Uniform u -> parts.add("dist=uniform&min=" + seconds(u.minMs())
                    + "&max=" + seconds(u.maxMs()));
            case DelayDistribution.Normal n -> parts.add("dist=normal&delay=" + seconds(n.meanMs())
                    + "&p99=" + seconds(n.p99Ms()));
            case DelayDistribution.LogNormal l -> parts.add("dist=lognormal&delay=" + seconds(l.medianMs())
                    + "&p99=" + seconds(l.p99Ms()));
            case DelayDistribution.Exponential e -> parts.add("dist=exponential&delay=" + seconds(e.meanMs()));
        }
        addRate(parts, "error_rate", errorRate);
        addRate(parts, "unavailable_rate", unavailableRate);
        addRate(parts, "hang_rate", hangRate);
        addRate(parts, "reset_rate", resetRate);
        if (stallEveryMs > 0) {
            parts.add("stall_every=" + seconds(stallEveryMs) + "&stall=" + seconds(stallMs));
        }
        parts.add("seed=" + seed);
        return String.join("&", parts);
    }

    private static void addRate(List<String> parts, String name, double rate) {
        if (rate > 0) {
            parts.add(name + "=" + rate);
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
