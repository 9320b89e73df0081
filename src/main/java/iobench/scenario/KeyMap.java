package iobench.scenario;

import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The checked keys of one map of the scenario file (each allowed, none twice), read by typed
 * parsers: "present ? parse : default" and "missing: say what is expected" are written here once.
 */
final class KeyMap {
    private final ScenarioNodes nodes;
    private final Node owner;
    private final String path;
    private final Map<String, NodeTuple> map;

    KeyMap(ScenarioNodes nodes, Node owner, String path, Map<String, NodeTuple> map) {
        this.nodes = nodes;
        this.owner = owner;
        this.path = path;
        this.map = map;
    }

    /** The keys given, in the file's order. */
    java.util.Set<String> keys() {
        return map.keySet();
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** The path of a key of this map, as errors name it. */
    String pathOf(String key) {
        return path + "." + key;
    }

    Node owner() {
        return owner;
    }

    Node value(String key) {
        return map.get(key).getValueNode();
    }

    Node keyNode(String key) {
        return map.get(key).getKeyNode();
    }

    /** The key's value read by {@code parser}, or {@code absent} when the key is not there. */
    <T> T get(String key, ValueParser<T> parser, T absent) {
        return has(key) ? parser.parse(value(key), pathOf(key)) : absent;
    }

    /** Fails, at the map, when the key is missing; {@code allowed} says what it takes. */
    void require(String key, String allowed) {
        if (!has(key)) {
            throw nodes.fail(owner, pathOf(key), "missing; expected " + allowed);
        }
    }

    /** The key's text, which must be there and a non-blank scalar; {@code allowed} says what it takes. */
    String requireScalar(String key, String allowed) {
        require(key, allowed);
        return nodes.scalar(value(key), pathOf(key), allowed);
    }

    /** A key that must be there, given as one value, read by {@code parser}. */
    <T> T required(String key, String allowed, ValueParser<T> parser) {
        requireScalar(key, allowed);
        return parser.parse(value(key), pathOf(key));
    }

    /** Fails at the key when it is there: {@code problem} says why it is not used. */
    void refuse(String key, String problem) {
        if (has(key)) {
            throw nodes.fail(keyNode(key), pathOf(key), problem);
        }
    }
}
