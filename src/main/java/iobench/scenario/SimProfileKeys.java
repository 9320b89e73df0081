package iobench.scenario;

import iobench.http.BadParameterException;
import iobench.sim.DelayDistribution;
import iobench.sim.IoProfile;
import iobench.sim.IoProfiles;
import iobench.sim.IoQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A scenario's sim profile from its {@code profile} and {@code io} keys. The keys become the sim's
 * query parameters and are checked by the same code as the sim's, so a scenario file refuses
 * exactly what the sim would; a refusal points at the key it names.
 */
final class SimProfileKeys {
    /** The keys of a scenario's {@code io} map: the sim's profile parameters, kebab-case. */
    private static final Set<String> IO_KEYS = Set.of("dist", "p99", "min", "max", "error-rate", "unavailable-rate",
            "hang-rate", "reset-rate", "stall-every", "stall", "seed");
    private static final Set<String> IO_DURATION_KEYS = Set.of("p99", "min", "max", "stall-every", "stall");

    private SimProfileKeys() {
    }

    /** The profile, or null when the scenario has neither key; {@code delayMs} null when a profile sets it. */
    static IoProfile of(ScenarioNodes nodes, KeyMap scenario, Long delayMs, long maxDelayMs) {
        if (!scenario.has("profile") && !scenario.has("io")) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, Node> at = new LinkedHashMap<>();
        if (scenario.has("profile")) {
            query.put("profile", List.of(scenario.get("profile", nodes.word(IoProfiles.names()), null)));
            at.put("profile", scenario.value("profile"));
        }
        if (scenario.has("io")) {
            KeyMap io = nodes.keys(scenario.value("io"), scenario.pathOf("io"), IO_KEYS);
            for (String key : io.keys()) {
                ValueParser<String> parser = switch (key) {
                    case "dist" -> nodes.word(DelayDistribution.NAMES);
                    case String k when IO_DURATION_KEYS.contains(k) -> nodes.duration(k.startsWith("stall")
                            ? IoProfile.MAX_STALL_EVERY_MS : maxDelayMs).map(ms -> seconds(ms));
                    default -> (node, path) -> nodes.scalar(node, path, "a value");
                };
                query.put(key.replace('-', '_'), List.of(io.get(key, parser, null)));
                at.put(key.replace('-', '_'), io.value(key));
            }
        }
        // The scenario's delay is the base of a distribution chosen here; without one, each call keeps its delay.
        if (delayMs != null && query.containsKey("dist")) {
            query.put("delay", List.of(seconds(delayMs)));
        }
        try {
            return IoQuery.forSim(query, maxDelayMs);
        } catch (BadParameterException e) {
            String key = e.parameter().replace('_', '-');
            boolean ioKey = IO_KEYS.contains(key);
            Node node = at.containsKey(e.parameter()) ? at.get(e.parameter())
                    : scenario.has(key) ? scenario.value(key)
                    : ioKey && scenario.has("io") ? scenario.value("io") : scenario.owner();
            throw nodes.fail(node, scenario.pathOf((ioKey ? "io." : "") + key),
                    (e.value() == null ? "missing" : "'" + e.value() + "' is not allowed") + "; expected " + e.allowed());
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
