package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.core.ServerRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The scenario file's nodes read with their place: every refusal names the file, line and column
 * and the path of the value ({@code scenarios.yaml:14:17: scenarios[2].concurrent: 'abc' is not
 * allowed; expected an integer from 1 to 1000}). The typed parsers here are the ones the key
 * tables ({@link KeyMap}) are built from.
 */
final class ScenarioNodes {
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");

    private final String source;
    private final boolean recorded;
    /** The named targets' names, which a {@code servers} list may use besides ours. */
    private Set<String> targetNames = Set.of();

    ScenarioNodes(String source) {
        this(source, false);
    }

    ScenarioNodes(String source, boolean recorded) {
        this.source = source;
        this.recorded = recorded;
    }

    /** A file a segment recorded, read again to merge: it sends nothing. */
    boolean recorded() {
        return recorded;
    }

    /** Where {@code ${NAME}} is read: the environment; for a recorded file, an unset one stays as written. */
    java.util.function.UnaryOperator<String> environment() {
        return recorded ? name -> {
            String value = System.getenv(name);
            return value != null ? value : "${" + name + "}";
        } : System::getenv;
    }

    void targetNames(Set<String> names) {
        this.targetNames = Set.copyOf(names);
    }

    String source() {
        return source;
    }

    ScenarioFileException fail(Node node, String path, String problem) {
        return new ScenarioFileException(where(node.getStartMark()) + path + ": " + problem);
    }

    String where(Mark mark) {
        return mark == null ? source + ": " : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
    }

    /** The keys of a map, each allowed and given once; {@code path} "" or "the file" for the top. */
    KeyMap keys(Node node, String path, Set<String> allowed) {
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
        return new KeyMap(this, node, path, map);
    }

    String scalar(Node node, String path, String allowed) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw fail(node, path, "expected " + allowed);
        }
        return scalar.getValue().trim();
    }

    ValueParser<Integer> integer(int min, int max) {
        String allowed = "an integer from " + min + " to " + max;
        return (node, path) -> {
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
        };
    }

    /** Seconds ({@code 0.5}) or a duration with its unit ({@code 250ms}), up to {@code maxMs}. */
    ValueParser<Long> duration(long maxMs) {
        String allowed = "seconds from 0 to " + Durations.format(maxMs) + " (such as 0.5), or a duration such as 250ms";
        return (node, path) -> {
            String text = scalar(node, path, allowed);
            long ms = Durations.parseMs(text);
            if (ms < 0 || ms > maxMs) {
                throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
            }
            return ms;
        };
    }

    /**
     * How long a run sends (a rate step, a clients run for a time): a duration from
     * {@link ScenarioFileParser#MIN_DURATION_MS} to {@link ScenarioFileParser#MAX_DURATION_MS}.
     */
    ValueParser<Long> runDuration() {
        ValueParser<Long> duration = duration(ScenarioFileParser.MAX_DURATION_MS);
        return (node, path) -> {
            long ms = duration.parse(node, path);
            if (ms < ScenarioFileParser.MIN_DURATION_MS) {
                throw fail(node, path, "'" + scalar(node, path, "") + "' is not allowed; expected at least "
                        + ScenarioFileParser.MIN_DURATION_MS + "ms");
            }
            return ms;
        };
    }

    /** One of {@code choices}, in any case. */
    ValueParser<String> word(List<String> choices) {
        String allowed = "one of " + String.join(", ", choices);
        return (node, path) -> {
            String text = scalar(node, path, allowed).toLowerCase(Locale.ROOT);
            if (!choices.contains(text)) {
                throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
            }
            return text;
        };
    }

    /** {@code 1%}, {@code 0.5 %}: a share from 0 to 100 %, as a fraction. */
    double percent(Node node, String path) {
        String allowed = "a percentage from 0% to 100%, such as 1%";
        String text = scalar(node, path, allowed);
        Matcher m = PERCENT.matcher(text);
        double value = m.matches() ? Double.parseDouble(m.group(1)) : -1;
        if (value < 0 || value > 100) {
            throw fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value / 100.0;
    }

    /**
     * A list of contenders such as {@code [sync, async]} or {@code [flask, quart, async]}, each once.
     * Our servers alone are put in their order, sync first (the default baseline); with named
     * targets the list keeps the file's order.
     */
    List<Contender> servers(Node node, String path) {
        String known = ServerRole.contenderLabels() + targetNames.stream().sorted().map(n -> ", " + n)
                .collect(java.util.stream.Collectors.joining());
        String allowed = "a list of servers such as [sync, async], from " + known;
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw fail(node, path, "expected " + allowed);
        }
        List<Contender> contenders = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = scalar(item, path, allowed);
            Contender contender = contender(text);
            if (contender == null) {
                throw fail(item, path, "'" + text + "' is not allowed; expected one of " + known
                        + (targetNames.isEmpty() ? " (or a target the 'targets' list names)" : ""));
            }
            if (contenders.contains(contender)) {
                throw fail(item, path, "'" + text + "' is listed twice; expected each server once");
            }
            contenders.add(contender);
        }
        if (contenders.stream().allMatch(Contender::isBuiltIn)) {
            contenders.sort(null);
        }
        return contenders;
    }

    /** One of our servers (any case) or a named target, or null. */
    Contender contender(String text) {
        ServerRole role = ServerRole.contenderFromLabel(text);
        if (role != null) {
            return Contender.of(role);
        }
        return targetNames.contains(text) ? new Contender(text) : null;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
