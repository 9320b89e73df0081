package iobench.sim;

import iobench.http.BadParameterException;
import iobench.http.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile from query parameters: per request on {@code /slow-io}, sim-wide on
 * {@code POST /profile}. Starts from {@code profile=NAME} (or from no faults and the request's
 * own delay) and lets every explicit parameter override that profile's field. Every problem
 * is a {@link BadParameterException} naming the parameter, so the client gets a 400, never a 500.
 */
public final class IoQuery {
    /** Parameters that give a request a profile of its own. */
    static final List<String> REQUEST_PARAMS = List.of("profile", "dist", "p99", "min", "max", "error_rate",
            "unavailable_rate", "hang_rate", "reset_rate", "seed");
    /** Only {@code POST /profile} takes these: a stall is an event of the whole sim. */
    static final List<String> SIM_WIDE_PARAMS = List.of("stall_every", "stall");

    private IoQuery() {
    }

    /**
     * The profile a request asks for with its own parameters, or null when it gives none (the
     * sim-wide profile then applies).
     */
    static IoProfile forRequest(Map<String, List<String>> query, long requestDelayMs, long maxDelayMs) {
        for (String name : SIM_WIDE_PARAMS) {
            if (query.containsKey(name)) {
                throw new BadParameterException(name, String.join(",", query.get(name)),
                        "nothing here: stalls are sim-wide; set them with POST /profile");
            }
        }
        // A loop, not a stream: every /slow-io request asks, and most carry none of them.
        for (String name : REQUEST_PARAMS) {
            if (query.containsKey(name)) {
                return parse(query, requestDelayMs, maxDelayMs, false);
            }
        }
        return null;
    }

    /**
     * The sim-wide profile of {@code POST /profile}, and of a scenario file's {@code profile} and
     * {@code io} keys (given here as the same parameters); {@code delay} is the distribution's delay.
     */
    public static IoProfile forSim(Map<String, List<String>> query, long maxDelayMs) {
        Long delayMs = query.containsKey("delay") ? QueryParams.delayMs("delay", query.get("delay"), maxDelayMs) : null;
        return parse(query, delayMs, maxDelayMs, true);
    }

    private static IoProfile parse(Map<String, List<String>> query, Long ownDelayMs, long maxDelayMs,
                                   boolean simWide) {
        IoProfile start = IoProfile.NONE;
        if (query.containsKey("profile")) {
            String name = QueryParams.oneOf("profile", query.get("profile"), IoProfiles.names(), null);
            start = IoProfiles.named(name);
        }
        DelayDistribution from = start.distribution();
        String dist = query.containsKey("dist")
                ? QueryParams.oneOf("dist", query.get("dist"), DelayDistribution.NAMES, null)
                : from == null ? null : from.label();
        if (dist == null && simWide && ownDelayMs != null) {
            dist = "fixed";
        }
        Long baseMs = baseOf(from);
        if (baseMs == null || (simWide && ownDelayMs != null)) {
            // A request's own delay is the base unless its profile brings one; POST /profile's delay always is.
            baseMs = ownDelayMs;
        }
        Long p99Ms = seconds(query, "p99", maxDelayMs, p99Of(from));
        Long minMs = seconds(query, "min", maxDelayMs, from instanceof DelayDistribution.Uniform u ? u.minMs() : null);
        Long maxMs = seconds(query, "max", maxDelayMs, from instanceof DelayDistribution.Uniform u ? u.maxMs() : null);
        refuseUnused(query, dist);
        try {
            DelayDistribution distribution = dist == null ? null
                    : DelayDistribution.of(dist, baseMs, p99Ms, minMs, maxMs);
            return new IoProfile(distribution,
                    rate(query, "error_rate", start.errorRate()),
                    rate(query, "unavailable_rate", start.unavailableRate()),
                    rate(query, "hang_rate", start.hangRate()),
                    rate(query, "reset_rate", start.resetRate()),
                    simWide ? seconds(query, "stall_every", IoProfile.MAX_STALL_EVERY_MS, 0L) : 0,
                    simWide ? seconds(query, "stall", IoProfile.MAX_STALL_EVERY_MS, 0L) : 0,
                    query.containsKey("seed") ? QueryParams.anyLong("seed", query.get("seed")) : start.seed());
        } catch (ProfileFieldException e) {
            throw new BadParameterException(e.queryParameter(), e.value(), e.allowed());
        }
    }

    /** A shape parameter the chosen distribution does not use is a mistake worth a 400, not silence. */
    private static void refuseUnused(Map<String, List<String>> query, String dist) {
        Set<String> used = switch (dist == null ? "" : dist) {
            case "uniform" -> Set.of("min", "max");
            case "normal", "lognormal" -> Set.of("p99");
            default -> Set.of();
        };
        List<String> unused = new ArrayList<>();
        for (String name : List.of("p99", "min", "max")) {
            if (query.containsKey(name) && !used.contains(name)) {
                unused.add(name);
            }
        }
        if (!unused.isEmpty()) {
            String name = unused.get(0);
            throw new BadParameterException(name, String.join(",", query.get(name)), "nothing with dist="
                    + (dist == null ? "(none)" : dist) + "; p99 goes with normal and lognormal, min and max with uniform");
        }
    }

    private static Long baseOf(DelayDistribution distribution) {
        return switch (distribution) {
            case null -> null;
            case DelayDistribution.Uniform u -> null;
            default -> distribution.nominalMs();
        };
    }

    private static Long p99Of(DelayDistribution distribution) {
        return switch (distribution) {
            case DelayDistribution.Normal n -> n.p99Ms();
            case DelayDistribution.LogNormal l -> l.p99Ms();
            case null, default -> null;
        };
    }

    private static Long seconds(Map<String, List<String>> query, String name, long maxMs, Long otherwise) {
        return query.containsKey(name) ? Long.valueOf(QueryParams.delayMs(name, query.get(name), maxMs)) : otherwise;
    }

    private static double rate(Map<String, List<String>> query, String name, double otherwise) {
        return query.containsKey(name) ? QueryParams.fraction(name, query.get(name)) : otherwise;
    }
}
