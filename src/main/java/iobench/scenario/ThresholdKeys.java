package iobench.scenario;

import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code thresholds} map of the defaults or of a scenario, kebab-case like the rest of the file. */
final class ThresholdKeys {
    static final Set<String> KEYS = Set.of("speedup-min", "p99-max", "error-rate-max");
    /** The highest p99 limit: what a histogram can hold. */
    private static final long MAX_P99_LIMIT_MS = 3_600_000;

    private ThresholdKeys() {
    }

    /** The {@code thresholds} of an owner map already checked against {@code ownerKeys}, or none. */
    static Thresholds of(ScenarioNodes nodes, Node owner, String ownerPath, Set<String> ownerKeys) {
        KeyMap ownerMap = nodes.keys(owner, ownerPath, ownerKeys);
        if (!ownerMap.has("thresholds")) {
            return Thresholds.NONE;
        }
        String path = ownerMap.pathOf("thresholds");
        Node node = ownerMap.value("thresholds");
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key && KEYS.contains(key.getValue().replace('_', '-'))
                        && !KEYS.contains(key.getValue())) {
                    throw nodes.fail(key, path + "." + key.getValue(), "unknown key; threshold keys are kebab-case "
                            + "like the rest of the file: '" + key.getValue().replace('_', '-') + "'");
                }
            }
        }
        KeyMap keys = nodes.keys(node, path, KEYS);
        return new Thresholds(
                keys.get("speedup-min", (n, p) -> positiveNumber(nodes, n, p), Double.NaN),
                keys.get("p99-max", nodes.duration(MAX_P99_LIMIT_MS).map(Long::doubleValue), Double.NaN),
                keys.get("error-rate-max", (n, p) -> fraction(nodes, n, p), Double.NaN));
    }

    private static double positiveNumber(ScenarioNodes nodes, Node node, String path) {
        String allowed = "a speedup above 0 such as 2 or 1.5";
        String text = nodes.scalar(node, path, allowed);
        double value;
        try {
            value = Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value <= 1_000_000) || !text.matches("[0-9.]+x?")) {
            throw nodes.fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value;
    }

    /** {@code 1%} or {@code 0.01}: a fraction from 0 to 1. */
    private static double fraction(ScenarioNodes nodes, Node node, String path) {
        String allowed = "a percentage such as 1% or a fraction from 0 to 1 such as 0.01";
        String text = nodes.scalar(node, path, allowed);
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1).trim() : text;
        double value = Double.NaN;
        if (number.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            value = Double.parseDouble(number) / (percent ? 100 : 1);
        }
        if (!(value >= 0 && value <= 1)) {
            throw nodes.fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return value;
    }
}
