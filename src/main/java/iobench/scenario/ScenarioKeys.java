package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.core.Strategy;
import iobench.sim.IoProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The keys of one scenario: those every kind takes, and a table in which each kind registers its
 * own keys and how they are read. A key of another kind is refused by name.
 */
final class ScenarioKeys {
    private static final Set<String> COMMON_KEYS = Set.of("name", "kind", "delay", "repetitions", "servers",
            "strategy", "profile", "io", "thresholds");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Reads a kind's own keys; the scenario is made once the common ones are read too. */
    @FunctionalInterface
    private interface KindParser {
        Function<Scenario.Common, Scenario> parse(ScenarioNodes nodes, KeyMap keys, ScenarioFileParser.Caps caps);
    }

    private record KindKeys(ScenarioKind kind, List<String> keys, KindParser parser) {
    }

    /** In the order the file's documentation and messages list them. */
    private static final List<KindKeys> KINDS = List.of(
            new KindKeys(ScenarioKind.FAN_OUT, List.of("concurrent"), ScenarioKeys::fanOut),
            new KindKeys(ScenarioKind.CLIENTS, List.of("clients", "requests", "duration"), ScenarioKeys::clients),
            new KindKeys(ScenarioKind.RATE, List.of("rate", "duration", "connections", "slo"), RateKeys::parse));
    /** Another kind's keys are refused in this order, so a file with two of them hears of the same one as ever. */
    private static final List<ScenarioKind> REFUSAL_ORDER = List.of(ScenarioKind.RATE, ScenarioKind.FAN_OUT,
            ScenarioKind.CLIENTS);
    static final Set<String> KEYS = allKeys();
    private static final String KIND_LABELS = KINDS.stream().map(k -> k.kind().label())
            .collect(Collectors.joining(", "));

    private ScenarioKeys() {
    }

    static Scenario parse(ScenarioNodes nodes, Node node, String path, ScenarioDefaults defaults,
                          ScenarioFileParser.Caps caps) {
        KeyMap keys = nodes.keys(node, path, KEYS);
        String name = keys.requireScalar("name", "a name such as 'stress' (letters, digits, '.', '_', '-')");
        if (!NAME.matcher(name).matches()) {
            throw nodes.fail(keys.value("name"), keys.pathOf("name"), "'" + name
                    + "' is not allowed; expected 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String kindText = keys.requireScalar("kind", "one of " + KIND_LABELS);
        KindKeys kind = KINDS.stream().filter(k -> k.kind().label().equals(kindText)).findFirst()
                .orElseThrow(() -> nodes.fail(keys.value("kind"), keys.pathOf("kind"),
                        "'" + kindText + "' is not allowed; expected one of " + KIND_LABELS));
        Long delayMs = null;
        if (keys.has("profile")) {
            keys.refuse("delay", "not used with 'profile': the profile's distribution sets the delay");
        } else {
            delayMs = keys.required("delay", "seconds such as 0.5, or a duration such as 250ms",
                    nodes.duration(caps.maxDelayMs()));
        }
        IoProfile simProfile = SimProfileKeys.of(nodes, keys, delayMs, caps.maxDelayMs());
        for (ScenarioKind other : REFUSAL_ORDER) {
            if (other != kind.kind()) {
                for (String key : keysOf(other)) {
                    // A key two kinds share (duration) is this kind's own.
                    if (!kind.keys().contains(key)) {
                        keys.refuse(key, "not used by kind '" + kind.kind().label() + "'; " + whoTakesWhat());
                    }
                }
            }
        }
        Function<Scenario.Common, Scenario> scenario = kind.parser().parse(nodes, keys, caps);
        int repetitions = keys.get("repetitions", nodes.integer(1, caps.maxRepetitions()), defaults.repetitions());
        List<Contender> servers = keys.get("servers", nodes::servers, defaults.servers());
        Strategy strategy = keys.get("strategy", ScenarioDefaults.strategy(nodes), defaults.strategy());
        long nominalDelayMs = delayMs != null ? delayMs : simProfile.nominalMs(0);
        return scenario.apply(new Scenario.Common(name, nominalDelayMs, repetitions, servers, strategy, simProfile));
    }

    private static Function<Scenario.Common, Scenario> fanOut(ScenarioNodes nodes, KeyMap keys,
                                                              ScenarioFileParser.Caps caps) {
        int concurrent = keys.required("concurrent", "an integer from 1 to " + caps.maxConcurrent(),
                nodes.integer(1, caps.maxConcurrent()));
        return common -> new FanOutScenario(common, concurrent);
    }

    private static Function<Scenario.Common, Scenario> clients(ScenarioNodes nodes, KeyMap keys,
                                                               ScenarioFileParser.Caps caps) {
        int clients = keys.required("clients", "an integer from 1 to " + caps.maxClients(),
                nodes.integer(1, caps.maxClients()));
        if (keys.has("duration")) {
            // Either a count or a time: both would leave open which one ends the run.
            keys.refuse("requests", "not used with 'duration'; expected one of them: 'requests', a count the "
                    + "clients share, or 'duration', how long each client sends back to back");
            long durationMs = keys.get("duration", nodes.runDuration(), 0L);
            return common -> new ClientsScenario(common, clients, 0, durationMs);
        }
        int requests = keys.get("requests", nodes.integer(clients, caps.maxRequests()), clients);
        return common -> new ClientsScenario(common, clients, requests);
    }

    /** "fan-out takes 'concurrent', clients takes 'clients' and 'requests', rate takes ...". */
    private static String whoTakesWhat() {
        return KINDS.stream().map(k -> k.kind().label() + " takes " + quotedList(k.keys()))
                .collect(Collectors.joining(", "));
    }

    private static String quotedList(List<String> keys) {
        List<String> quoted = keys.stream().map(k -> "'" + k + "'").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static List<String> keysOf(ScenarioKind kind) {
        return KINDS.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow().keys();
    }

    private static Set<String> allKeys() {
        Set<String> all = new HashSet<>(COMMON_KEYS);
        KINDS.forEach(k -> all.addAll(k.keys()));
        return Set.copyOf(all);
    }
}
