package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file and checks every value before anything runs. It works on SnakeYAML's
 * node tree, which keeps line and column, so that every error can point at its place:
 * {@code scenarios.yaml:14:17: scenarios[2].concurrent: 'abc' is not allowed; expected an integer from 1 to 1000}.
 * The keys are read by {@link ScenarioDefaults}, {@link ScenarioKeys} (each kind's own keys) and
 * {@link ThresholdKeys}, from the typed parsers of {@link ScenarioNodes}.
 */
public final class ScenarioFileParser {
    /** Limits that keep a typo from becoming a denial of service on the caller's own machine. */
    public record Caps(long maxDelayMs, int maxConcurrent, int maxClients, int maxRequests, int maxRepetitions,
                       int maxWarmupRuns) {
        public static Caps of(long maxDelayMs, int maxConcurrent) {
            return new Caps(maxDelayMs, maxConcurrent, MAX_CLIENTS, MAX_REQUESTS, 100, 200);
        }
    }

    public static final int MAX_CLIENTS = 10_000;
    public static final int MAX_REQUESTS = 100_000;

    private static final Set<String> TOP_KEYS = Set.of("defaults", "scenarios", "targets");
    public static final int MAX_RATE = 10_000;
    public static final int MAX_RATE_STEPS = 20;
    /** The longest a rate step, or a clients run for a time, may send. */
    public static final long MAX_DURATION_MS = 600_000;
    /** The shortest: below it a run is mostly its start and its end. */
    public static final long MIN_DURATION_MS = 100;
    public static final double DEFAULT_SLO_ERROR_RATE = 0.01;

    public static final int DEFAULT_REPETITIONS = 3;
    /**
     * Warm-ups send at most this delay: short enough that a round of hundreds of calls takes well
     * under a second, long enough that the calls overlap as the measured ones do.
     */
    public static final long DEFAULT_WARMUP_DELAY_MS = 10;
    /** The longest {@code warmup: <time>} per scenario and server. */
    public static final long MAX_WARMUP_MS = 600_000;
    public static final List<Contender> DEFAULT_SERVERS = List.of(Contender.SYNC, Contender.ASYNC);

    private final ScenarioNodes nodes;
    private final Caps caps;

    private ScenarioFileParser(String source, Caps caps, boolean recorded) {
        this.nodes = new ScenarioNodes(source, recorded);
        this.caps = caps;
    }

    /**
     * @param given targets from the command line ({@code --target NAME=URL}): the file's servers lists
     *              may name them, its {@code targets} entry of the same name may give their model
     *              (its url then optional, the command line's wins)
     */
    public static BenchPlan parse(String source, String text, Caps caps, List<Target> given) {
        return parse(source, text, caps, given, false);
    }

    /**
     * @param recorded a file a segment recorded, read again to merge: nothing is sent, so an unset
     *                 {@code ${NAME}} stays as written and a target's {@code body-file} is not read
     */
    public static BenchPlan parse(String source, String text, Caps caps, List<Target> given, boolean recorded) {
        return new ScenarioFileParser(source, caps, recorded).parse(text, given);
    }

    private BenchPlan parse(String text, List<Target> given) {
        Node root = compose(text);
        KeyMap top = nodes.keys(root, "the file", TOP_KEYS);
        // Targets first: the servers lists below may name them.
        List<Target> targets = new ArrayList<>(top.get("targets", (node, path) -> TargetKeys.parse(nodes, node, given),
                List.of()));
        given.stream().filter(g -> targets.stream().noneMatch(t -> t.name().equals(g.name()))).forEach(targets::add);
        nodes.targetNames(targets.stream().map(Target::name).collect(java.util.stream.Collectors.toSet()));
        ScenarioDefaults defaults = top.get("defaults", (node, path) -> ScenarioDefaults.parse(nodes, node, caps),
                ScenarioDefaults.standard());
        if (!top.has("scenarios")) {
            throw new ScenarioFileException(nodes.where(root.getStartMark()) + "the file needs a 'scenarios' list");
        }
        Node list = top.value("scenarios");
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw nodes.fail(list, "scenarios", "expected a non-empty list of scenarios (each starting with '- name: ...')");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Thresholds defaultThresholds = top.has("defaults")
                ? ThresholdKeys.of(nodes, top.value("defaults"), "defaults", ScenarioDefaults.KEYS) : Thresholds.NONE;
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node node = sequence.getValue().get(i);
            String path = "scenarios[" + i + "]";
            Scenario scenario = ScenarioKeys.parse(nodes, node, path, defaults, caps);
            if (!names.add(scenario.name())) {
                throw nodes.fail(nodes.keys(node, "", ScenarioKeys.KEYS).value("name"), path + ".name",
                        "'" + scenario.name() + "' is used twice; expected a unique name");
            }
            refuseFanOutWithoutConcurrent(scenario, node, path, top, targets, given);
            scenarios.add(scenario);
            Thresholds mine = ThresholdKeys.of(nodes, node, path, ScenarioKeys.KEYS).over(defaultThresholds);
            if (!mine.none()) {
                thresholds.put(scenario.name(), mine);
            }
        }
        return new BenchPlan(nodes.source(), defaults.warmup(), defaults.warmupDelayMs(), scenarios, thresholds, targets,
                defaults.baseline());
    }

    /**
     * A fan-out counts its {@code k} calls from the answer, which can only be asked for {@code k}
     * calls through {@code {concurrent}}: without it a plain 2xx would count as k calls done and
     * calls/s be k times too high. Such a target is refused where the scenario's servers list it.
     */
    private void refuseFanOutWithoutConcurrent(Scenario scenario, Node node, String path, KeyMap top,
                                               List<Target> targets, List<Target> given) {
        if (!(scenario instanceof FanOutScenario)) {
            return;
        }
        for (Target target : targets) {
            if (!scenario.servers().contains(target.contender()) || target.url().placeholders().contains("concurrent")) {
                continue;
            }
            KeyMap keys = nodes.keys(node, path, ScenarioKeys.KEYS);
            KeyMap listedBy = keys.has("servers") ? keys : nodes.keys(top.value("defaults"), "defaults",
                    ScenarioDefaults.KEYS);
            Node list = listedBy.value("servers");
            Node item = list instanceof SequenceNode sequence ? sequence.getValue().stream()
                    .filter(n -> n instanceof ScalarNode scalar && scalar.getValue().trim().equals(target.name()))
                    .findFirst().orElse(list) : list;
            String url = target.url().text();
            boolean fromCommandLine = given.stream().anyMatch(g -> g.name().equals(target.name()));
            throw nodes.fail(item, listedBy.pathOf("servers"), "fan-out scenario '" + scenario.name() + "' lists target '"
                    + target.name() + "', whose URL" + (fromCommandLine ? " (from --target)" : "") + " '" + url
                    + "' has no {concurrent}; expected a URL that passes the fan-out width, such as " + url
                    + (url.contains("?") ? "&" : "?") + "concurrent={concurrent}, or the target only in clients and "
                    + "rate scenarios");
        }
    }

    /** The file's node tree; SnakeYAML's own refusals keep their place too. */
    private Node compose(String text) {
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
            throw new ScenarioFileException(nodes.where(mark) + "not valid YAML: " + oneLine(problem.trim()));
        } catch (YAMLException e) {
            throw new ScenarioFileException(nodes.source() + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            throw new ScenarioFileException(nodes.source() + ": the file is empty; it needs a 'scenarios' list");
        }
        return root;
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
}
