package iobench.bench;

import iobench.bench.warmup.Warmup;
import iobench.http.BadParameterException;
import iobench.http.ServerRole;
import iobench.sim.DelayDistribution;
import iobench.sim.IoProfile;
import iobench.sim.IoProfiles;
import iobench.sim.IoQuery;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file and checks every value before anything runs. It works on SnakeYAML's
 * node tree, which keeps line and column, so that every error can point at its place:
 * {@code scenarios.yaml:14:17: scenarios[2].concurrent: 'abc' is not allowed; expected an integer from 1 to 1000}.
 */
public final class ScenarioFileParser {
    /** Limits that keep a typo from becoming a denial of service on the caller's own machine. */
    public record Caps(long maxDelayMs, int maxConcurrent, int maxClients, int maxRequests, int maxRepetitions,
                       int maxWarmupRuns) {
        public static Caps of(long maxDelayMs, int maxConcurrent) {
            return new Caps(maxDelayMs, maxConcurrent, 10_000, 100_000, 100, 200);
        }
    }

    private static final Set<String> TOP_KEYS = Set.of("defaults", "scenarios");
    private static final Set<String> DEFAULT_KEYS = Set.of("repetitions", "warmup", "warmup-delay", "warmup-max-calls",
            "warmup-max-time", "servers", "strategy", "thresholds");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "kind", "delay", "concurrent", "clients", "requests",
            "repetitions", "servers", "strategy", "profile", "io",
            "thresholds", "rate", "duration", "connections", "slo");
    /** Keys only {@code kind: rate} takes. */
    private static final List<String> RATE_KEYS = List.of("rate", "duration", "connections", "slo");
    private static final Set<String> SLO_KEYS = Set.of("p99", "errors");
    public static final int MAX_RATE = 10_000;
    public static final int MAX_RATE_STEPS = 20;
    public static final long MAX_RATE_DURATION_MS = 600_000;
    public static final double DEFAULT_SLO_ERROR_RATE = 0.01;
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");
    /** The keys of a scenario's {@code io} map: the sim's profile parameters, kebab-case. */
    private static final Set<String> IO_KEYS = Set.of("dist", "p99", "min", "max", "error-rate", "unavailable-rate",
            "hang-rate", "reset-rate", "stall-every", "stall", "seed");
    private static final Set<String> IO_DURATION_KEYS = Set.of("p99", "min", "max", "stall-every", "stall");
    /** The keys of {@code thresholds}, kebab-case like the rest of the file. */
    private static final Set<String> THRESHOLD_KEYS = Set.of("speedup-min", "p99-max", "error-rate-max");
    /** The highest p99 limit: what a histogram can hold. */
    private static final long MAX_P99_LIMIT_MS = 3_600_000;
    private static final List<String> STRATEGIES = List.of("sequential", "parallel");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static final int DEFAULT_REPETITIONS = 3;
    /**
     * Warm-ups send at most this delay: short enough that a round of hundreds of calls takes well
     * under a second, long enough that the calls overlap as the measured ones do.
     */
    public static final long DEFAULT_WARMUP_DELAY_MS = 10;
    /** The longest {@code warmup: <time>} per scenario and server. */
    public static final long MAX_WARMUP_MS = 600_000;
    public static final List<ServerRole> DEFAULT_SERVERS = List.of(ServerRole.SYNC, ServerRole.ASYNC);

    private final String source;
    private final Caps caps;

    private ScenarioFileParser(String source, Caps caps) {
        this.source = source;
        this.caps = caps;
    }

    public static BenchPlan parse(String source, String text, Caps caps) {
        return new ScenarioFileParser(source, caps).parse(text);
    }

    private BenchPlan parse(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage().lines().findFirst().orElse("");
            throw new ScenarioFileException(where(mark) + "not valid YAML: " + oneLine(problem.trim()));
        } catch (YAMLException e) {
            throw new ScenarioFileException(source + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            throw new ScenarioFileException(source + ": the file is empty; it needs a 'scenarios' list");
        }
        Map<String, NodeTuple> top = mapping(root, "the file", TOP_KEYS);
        Defaults defaults = top.containsKey("defaults") ? defaults(top.get("defaults").getValueNode())
                : new Defaults(DEFAULT_REPETITIONS, Warmup.AUTO, DEFAULT_WARMUP_DELAY_MS, DEFAULT_SERVERS,
                "sequential");
        if (!top.containsKey("scenarios")) {
            throw new ScenarioFileException(where(root.getStartMark()) + "the file needs a 'scenarios' list");
        }
        Node list = top.get("scenarios").getValueNode();
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw fail(list, "scenarios", "expected a non-empty list of scenarios (each starting with '- name: ...')");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Thresholds defaultThresholds = top.containsKey("defaults")
                ? thresholdsOf(top.get("defaults").getValueNode(), "defaults", DEFAULT_KEYS) : Thresholds.NONE;
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Scenario scenario = scenario(sequence.getValue().get(i), "scenarios[" + i + "]", defaults);
            if (!names.add(scenario.name())) {
                Node nameNode = mapping(sequence.getValue().get(i), "", SCENARIO_KEYS).get("name").getValueNode();
                throw fail(nameNode, "scenarios[" + i + "].name",
                        "'" + scenario.name() + "' is used twice; expected a unique name");
            }
            scenarios.add(scenario);
            Thresholds mine = thresholdsOf(sequence.getValue().get(i), "scenarios[" + i + "]", SCENARIO_KEYS)
                    .over(defaultThresholds);
            if (!mine.none()) {
                thresholds.put(scenario.name(), mine);
            }
        }
        return new BenchPlan(source, defaults.warmup, defaults.warmupDelayMs, scenarios, thresholds);
    }

    private record Defaults(int repetitions, Warmup warmup, long warmupDelayMs, List<ServerRole> servers,
                            String strategy) {
    }

    private Defaults defaults(Node node) {
        Map<String, NodeTuple> map = mapping(node, "defaults", DEFAULT_KEYS);
        int repetitions = map.containsKey("repetitions")
                ? integer(map.get("repetitions").getValueNode(), "defaults.repetitions", 1, caps.maxRepetitions())
                : DEFAULT_REPETITIONS;
        Warmup warmup = map.containsKey("warmup") ? warmup(map.get("warmup").getValueNode()) : Warmup.AUTO;
        long maxCalls = map.containsKey("warmup-max-calls")
                ? integer(map.get("warmup-max-calls").getValueNode(), "defaults.warmup-max-calls", 1, 10_000_000)
                : Warmup.AUTO_MAX_CALLS;
        long maxMs = map.containsKey("warmup-max-time")
                ? duration(map.get("warmup-max-time").getValueNode(), "defaults.warmup-max-time", MAX_WARMUP_MS)
                : Warmup.AUTO_MAX_MS;
        warmup = warmup.withCaps(maxCalls, Math.max(1, maxMs));
        long warmupDelayMs = map.containsKey("warmup-delay")
                ? duration(map.get("warmup-delay").getValueNode(), "defaults.warmup-delay", caps.maxDelayMs())
                : DEFAULT_WARMUP_DELAY_MS;
        List<ServerRole> servers = map.containsKey("servers")
                ? servers(map.get("servers").getValueNode(), "defaults.servers") : DEFAULT_SERVERS;
        String strategy = map.containsKey("strategy")
                ? word(map.get("strategy").getValueNode(), "defaults.strategy", STRATEGIES) : "sequential";
        return new Defaults(repetitions, warmup, warmupDelayMs, servers, strategy);
    }

    private Scenario scenario(Node node, String path, Defaults defaults) {
        Map<String, NodeTuple> map = mapping(node, path, SCENARIO_KEYS);
        String name = required(map, node, path, "name", "a name such as 'stress' (letters, digits, '.', '_', '-')");
        Node nameNode = map.get("name").getValueNode();
        if (!NAME.matcher(name).matches()) {
            throw fail(nameNode, path + ".name", "'" + name
                    + "' is not allowed; expected 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String kindText = required(map, node, path, "kind", "one of " + ScenarioKind.labels());
        ScenarioKind kind = ScenarioKind.fromLabel(kindText);
        if (kind == null) {
            throw fail(map.get("kind").getValueNode(), path + ".kind",
                    "'" + kindText + "' is not allowed; expected one of " + ScenarioKind.labels());
        }
        Long delayMs = null;
        if (map.containsKey("profile") && map.containsKey("delay")) {
            throw fail(map.get("delay").getKeyNode(), path + ".delay",
                    "not used with 'profile': the profile's distribution sets the delay");
        } else if (!map.containsKey("profile")) {
            required(map, node, path, "delay", "seconds such as 0.5, or a duration such as 250ms");
            delayMs = duration(map.get("delay").getValueNode(), path + ".delay", caps.maxDelayMs());
        }
        IoProfile simProfile = simProfile(map, node, path, delayMs);
        int concurrent = 1;
        int clients = 1;
        int requests = 1;
        RateSpec rate = null;
        if (kind != ScenarioKind.RATE) {
            forbid(map, path, kind, RATE_KEYS.toArray(String[]::new));
        }
        if (kind == ScenarioKind.RATE) {
            forbid(map, path, kind, "concurrent", "clients", "requests");
            if (map.containsKey("thresholds")) {
                // A staircase overloads its top steps on purpose; thresholds would always break there.
                throw fail(map.get("thresholds").getKeyNode(), path + ".thresholds",
                        "not used by kind 'rate'; a rate scenario is gated by its 'slo' (the capacity it finds)");
            }
            rate = rate(map, node, path);
        } else if (kind == ScenarioKind.FAN_OUT) {
            forbid(map, path, kind, "clients", "requests");
            required(map, node, path, "concurrent", "an integer from 1 to " + caps.maxConcurrent());
            concurrent = integer(map.get("concurrent").getValueNode(), path + ".concurrent", 1, caps.maxConcurrent());
        } else {
            forbid(map, path, kind, "concurrent");
            required(map, node, path, "clients", "an integer from 1 to " + caps.maxClients());
            clients = integer(map.get("clients").getValueNode(), path + ".clients", 1, caps.maxClients());
            requests = map.containsKey("requests")
                    ? integer(map.get("requests").getValueNode(), path + ".requests", clients, caps.maxRequests())
                    : clients;
        }
        int repetitions = map.containsKey("repetitions")
                ? integer(map.get("repetitions").getValueNode(), path + ".repetitions", 1, caps.maxRepetitions())
                : defaults.repetitions;
        List<ServerRole> servers = map.containsKey("servers")
                ? servers(map.get("servers").getValueNode(), path + ".servers") : defaults.servers;
        String strategy = map.containsKey("strategy")
                ? word(map.get("strategy").getValueNode(), path + ".strategy", STRATEGIES) : defaults.strategy;
        long nominalDelayMs = delayMs != null ? delayMs : simProfile.nominalMs(0);
        Scenario.Common common = new Scenario.Common(name, nominalDelayMs, repetitions, servers, strategy, simProfile);
        return switch (kind) {
            case FAN_OUT -> new FanOutScenario(common, concurrent);
            case CLIENTS -> new ClientsScenario(common, clients, requests);
            case RATE -> new RateScenario(common, rate);
        };
    }

    /** {@code rate} (a number or an increasing list), {@code duration}, {@code connections}, {@code slo}. */
    private RateSpec rate(Map<String, NodeTuple> map, Node owner, String path) {
        String rateAllowed = "requests per second from 1 to " + MAX_RATE + ", or an increasing list of them such as "
                + "[50, 100, 200]";
        if (!map.containsKey("rate")) {
            throw fail(owner, path + ".rate", "missing; expected " + rateAllowed);
        }
        Node rateNode = map.get("rate").getValueNode();
        List<Integer> rates = new ArrayList<>();
        if (rateNode instanceof SequenceNode steps) {
            if (steps.getValue().isEmpty() || steps.getValue().size() > MAX_RATE_STEPS) {
                throw fail(rateNode, path + ".rate", "expected 1 to " + MAX_RATE_STEPS + " steps of " + rateAllowed);
            }
            for (int i = 0; i < steps.getValue().size(); i++) {
                Node step = steps.getValue().get(i);
                int value = integer(step, path + ".rate[" + i + "]", 1, MAX_RATE);
                if (!rates.isEmpty() && value <= rates.get(rates.size() - 1)) {
                    throw fail(step, path + ".rate[" + i + "]", "'" + value + "' is not allowed; expected a rate "
                            + "above the step before (" + rates.get(rates.size() - 1) + "): a staircase goes up");
                }
                rates.add(value);
            }
        } else {
            rates.add(integer(rateNode, path + ".rate", 1, MAX_RATE));
        }
        required(map, owner, path, "duration", "how long each step sends, such as 10s (at most "
                + Durations.format(MAX_RATE_DURATION_MS) + ")");
        long durationMs = duration(map.get("duration").getValueNode(), path + ".duration", MAX_RATE_DURATION_MS);
        if (durationMs < 100) {
            throw fail(map.get("duration").getValueNode(), path + ".duration", "'"
                    + scalar(map.get("duration").getValueNode(), path, "") + "' is not allowed; expected at least 100ms");
        }
        int connections = map.containsKey("connections")
                ? integer(map.get("connections").getValueNode(), path + ".connections", 1,
                iobench.bench.load.LoadClient.MAX_IN_FLIGHT) : 0;
        RateSpec.Slo slo = null;
        if (map.containsKey("slo")) {
            Node sloNode = map.get("slo").getValueNode();
            Map<String, NodeTuple> sloMap = mapping(sloNode, path + ".slo", SLO_KEYS);
            if (!sloMap.containsKey("p99")) {
                throw fail(sloNode, path + ".slo.p99", "missing; expected the p99 latency a step may reach, such as 500ms");
            }
            long p99Ms = duration(sloMap.get("p99").getValueNode(), path + ".slo.p99", MAX_RATE_DURATION_MS);
            if (p99Ms < 1) {
                throw fail(sloMap.get("p99").getValueNode(), path + ".slo.p99", "'0' is not allowed; expected at least 1ms");
            }
            double errorRate = sloMap.containsKey("errors")
                    ? percent(sloMap.get("errors").getValueNode(), path + ".slo.errors") : DEFAULT_SLO_ERROR_RATE;
            slo = new RateSpec.Slo(p99Ms, errorRate);
        }
        return new RateSpec(rates, durationMs, connections, slo);
    }

    /** {@code 1%}, {@code 0.5 %}: a share from 0 to 100 %, as a fraction. */
    private double percent(Node node, String path) {
        String allowed = "a percentage from 0% to 100%, such as 1%";
        String text = scalar(node, path, allowed);
        java.util.regex.Matcher m = PERCENT.matcher(text);
        double value = m.matches() ? Double.parseDouble(m.group(1)) : -1;
        if (value < 0 || value > 100) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value / 100.0;
    }

    /**
     * The scenario's sim profile from {@code profile} and {@code io}, or null. The keys become the
     * sim's query parameters and are checked by the same code as the sim's, so a scenario file
     * refuses exactly what the sim would; a refusal points at the key it names.
     */
    private IoProfile simProfile(Map<String, NodeTuple> map, Node owner, String path, Long delayMs) {
        if (!map.containsKey("profile") && !map.containsKey("io")) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (map.containsKey("profile")) {
            Node profileNode = map.get("profile").getValueNode();
            query.put("profile", List.of(word(profileNode, path + ".profile", IoProfiles.names())));
            nodes.put("profile", profileNode);
        }
        if (map.containsKey("io")) {
            for (Map.Entry<String, NodeTuple> entry : mapping(map.get("io").getValueNode(), path + ".io", IO_KEYS)
                    .entrySet()) {
                String key = entry.getKey();
                Node value = entry.getValue().getValueNode();
                String keyPath = path + ".io." + key;
                String text = switch (key) {
                    case "dist" -> word(value, keyPath, DelayDistribution.NAMES);
                    case String k when IO_DURATION_KEYS.contains(k) -> String.format(Locale.ROOT, "%.3f",
                            duration(value, keyPath, k.startsWith("stall") ? IoProfile.MAX_STALL_EVERY_MS
                                    : caps.maxDelayMs()) / 1000.0);
                    default -> scalar(value, keyPath, "a value");
                };
                query.put(key.replace('-', '_'), List.of(text));
                nodes.put(key.replace('-', '_'), value);
            }
        }
        // The scenario's delay is the base of a distribution chosen here; without one, each call keeps its delay.
        if (delayMs != null && query.containsKey("dist")) {
            query.put("delay", List.of(String.format(Locale.ROOT, "%.3f", delayMs / 1000.0)));
        }
        try {
            return IoQuery.forSim(query, caps.maxDelayMs());
        } catch (BadParameterException e) {
            String key = e.parameter().replace('_', '-');
            boolean ioKey = IO_KEYS.contains(key);
            Node at = nodes.containsKey(e.parameter()) ? nodes.get(e.parameter())
                    : map.containsKey(key) ? map.get(key).getValueNode()
                    : ioKey && map.containsKey("io") ? map.get("io").getValueNode() : owner;
            throw fail(at, path + (ioKey ? ".io." : ".") + key, (e.value() == null ? "missing" : "'" + e.value() + "' is not allowed")
                    + "; expected " + e.allowed());
        }
    }

    /** The {@code thresholds} map of a defaults or scenario map (already checked), or none. */
    private Thresholds thresholdsOf(Node owner, String ownerPath, Set<String> ownerKeys) {
        NodeTuple tuple = mapping(owner, ownerPath, ownerKeys).get("thresholds");
        if (tuple == null) {
            return Thresholds.NONE;
        }
        String path = ownerPath + ".thresholds";
        Node node = tuple.getValueNode();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key && THRESHOLD_KEYS.contains(key.getValue().replace('_', '-'))
                        && !THRESHOLD_KEYS.contains(key.getValue())) {
                    throw fail(key, path + "." + key.getValue(), "unknown key; threshold keys are kebab-case like the "
                            + "rest of the file: '" + key.getValue().replace('_', '-') + "'");
                }
            }
        }
        Map<String, NodeTuple> map = mapping(node, path, THRESHOLD_KEYS);
        double speedupMin = Double.NaN;
        double p99MaxMs = Double.NaN;
        double errorRateMax = Double.NaN;
        if (map.containsKey("speedup-min")) {
            speedupMin = positiveNumber(map.get("speedup-min").getValueNode(), path + ".speedup-min");
        }
        if (map.containsKey("p99-max")) {
            p99MaxMs = duration(map.get("p99-max").getValueNode(), path + ".p99-max", MAX_P99_LIMIT_MS);
        }
        if (map.containsKey("error-rate-max")) {
            errorRateMax = fraction(map.get("error-rate-max").getValueNode(), path + ".error-rate-max");
        }
        return new Thresholds(speedupMin, p99MaxMs, errorRateMax);
    }

    private double positiveNumber(Node node, String path) {
        String allowed = "a speedup above 0 such as 2 or 1.5";
        String text = scalar(node, path, allowed);
        double value;
        try {
            value = Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value <= 1_000_000) || !text.matches("[0-9.]+x?")) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value;
    }

    /** {@code 1%} or {@code 0.01}: a fraction from 0 to 1. */
    private double fraction(Node node, String path) {
        String allowed = "a percentage such as 1% or a fraction from 0 to 1 such as 0.01";
        String text = scalar(node, path, allowed);
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1).trim() : text;
        double value = Double.NaN;
        if (number.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            value = Double.parseDouble(number) / (percent ? 100 : 1);
        }
        if (!(value >= 0 && value <= 1)) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value;
    }

    private Map<String, NodeTuple> mapping(Node node, String path, Set<String> allowed) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw fail(node, path, "expected a map of keys (" + String.join(", ", sorted(allowed)) + ")");
        }
        Map<String, NodeTuple> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
            String keyPath = path.isEmpty() || path.equals("the file") ? String.valueOf(key) : path + "." + key;
            if (key == null || !allowed.contains(key)) {
                throw fail(keyNode, keyPath, "unknown key; expected one of " + String.join(", ", sorted(allowed)));
            }
            if (map.put(key, tuple) != null) {
                throw fail(keyNode, keyPath, "the key is given twice; expected it once");
            }
        }
        return map;
    }

    private String required(Map<String, NodeTuple> map, Node owner, String path, String key, String allowed) {
        if (!map.containsKey(key)) {
            throw fail(owner, path + "." + key, "missing; expected " + allowed);
        }
        return scalar(map.get(key).getValueNode(), path + "." + key, allowed);
    }

    private void forbid(Map<String, NodeTuple> map, String path, ScenarioKind kind, String... keys) {
        for (String key : keys) {
            if (map.containsKey(key)) {
                throw fail(map.get(key).getKeyNode(), path + "." + key, "not used by kind '" + kind.label()
                        + "'; fan-out takes 'concurrent', clients takes 'clients' and 'requests', rate takes 'rate', "
                        + "'duration', 'connections' and 'slo'");
            }
        }
    }

    private String scalar(Node node, String path, String allowed) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw fail(node, path, "expected " + allowed);
        }
        return scalar.getValue().trim();
    }

    private int integer(Node node, String path, int min, int max) {
        String allowed = "an integer from " + min + " to " + max;
        String text = scalar(node, path, allowed);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        if (value < min || value > max) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return (int) value;
    }

    /** {@code auto}, a number of rounds ({@code 3}), or a time with its unit ({@code 20s}). */
    private Warmup warmup(Node node) {
        String path = "defaults.warmup";
        String allowed = "auto, a number of rounds from 0 to " + caps.maxWarmupRuns() + ", or a time such as 20s (at most "
                + Durations.format(MAX_WARMUP_MS) + ")";
        String text = scalar(node, path, allowed).trim().toLowerCase(Locale.ROOT);
        if (text.equals("auto")) {
            return Warmup.AUTO;
        }
        if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) <= caps.maxWarmupRuns()) {
            return Warmup.rounds(Integer.parseInt(text));
        }
        long ms = text.matches(".*[a-z]$") ? Durations.parseMs(text) : -1;
        if (ms < 0 || ms > MAX_WARMUP_MS) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return Warmup.timed(ms);
    }

    private long duration(Node node, String path, long maxMs) {
        String allowed = "seconds from 0 to " + Durations.format(maxMs) + " (such as 0.5), or a duration such as 250ms";
        String text = scalar(node, path, allowed);
        long ms = Durations.parseMs(text);
        if (ms < 0 || ms > maxMs) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return ms;
    }

    private String word(Node node, String path, List<String> choices) {
        String allowed = "one of " + String.join(", ", choices);
        String text = scalar(node, path, allowed).toLowerCase(Locale.ROOT);
        if (!choices.contains(text)) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return text;
    }

    private List<ServerRole> servers(Node node, String path) {
        String allowed = "a list of servers such as [sync, async], from " + ServerRole.contenderLabels();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw fail(node, path, "expected " + allowed);
        }
        List<ServerRole> roles = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = scalar(item, path, allowed);
            ServerRole role = ServerRole.contenderFromLabel(text);
            if (role == null) {
                throw fail(item, path, "'" + text + "' is not allowed; expected one of " + ServerRole.contenderLabels());
            }
            if (roles.contains(role)) {
                throw fail(item, path, "'" + text + "' is listed twice; expected each server once");
            }
            roles.add(role);
        }
        // Sync first: it is the baseline of every speedup.
        roles.sort(null);
        return roles;
    }

    /** SnakeYAML quotes the offending character raw, a line break or a NUL among them: escape them. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private ScenarioFileException fail(Node node, String path, String problem) {
        return new ScenarioFileException(where(node.getStartMark()) + path + ": " + problem);
    }

    private String where(Mark mark) {
        return mark == null ? source + ": " : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
