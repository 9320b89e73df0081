package iobench.sim;

import iobench.sim.DelayDistribution.LogNormal;
import iobench.sim.DelayDistribution.Normal;
import iobench.sim.DelayDistribution.Uniform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named profiles for the use cases the original benchmark had in mind. docs/simulation.md
 * gives the reasoning behind each number; change both together. None has a stall: stalls are
 * sim-wide events, set with {@code stall-every} and {@code stall} on top of a profile.
 */
public final class IoProfiles {
    private static final Map<String, IoProfile> PROFILES = new LinkedHashMap<>();

    static {
        // A hosted LLM: most completions take under a second, long generations take many;
        // overloaded providers shed load with 503.
        PROFILES.put("llm-api", profile(new LogNormal(800, 6_000), 0, 0.01, 0, 0));
        // A third-party HTTP API across the internet: fast usually, a slow tail, rare 500s,
        // and now and then a call that never returns (a stuck proxy, a lost packet).
        PROFILES.put("external-api", profile(new LogNormal(120, 900), 0.005, 0, 0.002, 0));
        // An indexed query on a nearby database: milliseconds, with a tail from locks and cold pages.
        PROFILES.put("db-query", profile(new LogNormal(5, 60), 0, 0, 0, 0));
        // Uploading a file of a few MB to object storage: time spread by size; long transfers get cut off.
        PROFILES.put("file-upload", profile(new Uniform(300, 1_500), 0, 0, 0, 0.005));
        // Another service in the same cluster: tight latency, very rare errors.
        PROFILES.put("microservice", profile(new Normal(20, 50), 0.001, 0, 0, 0));
    }

    private IoProfiles() {
    }

    private static IoProfile profile(DelayDistribution distribution, double errorRate, double unavailableRate,
                                     double hangRate, double resetRate) {
        return new IoProfile(distribution, errorRate, unavailableRate, hangRate, resetRate, 0, 0,
                IoProfile.DEFAULT_SEED);
    }

    /** The names, in a stable order for /health and messages. */
    public static List<String> names() {
        return List.copyOf(PROFILES.keySet());
    }

    /** The profile called {@code name}, or null. */
    public static IoProfile named(String name) {
        return PROFILES.get(name);
    }
}
