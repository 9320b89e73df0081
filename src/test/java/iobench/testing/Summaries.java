package iobench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Variants of a summary.json tree for the tests of compare and its gate. */
public final class Summaries {
    private Summaries() {
    }

    /** A copy of {@code summary} without its scenarios that are not valid: a sound run, for the gate. */
    public static JsonNode withoutScenariosNotValid(JsonNode summary) {
        ObjectNode copy = summary.deepCopy();
        ArrayNode scenarios = (ArrayNode) copy.path("scenarios");
        for (int i = scenarios.size() - 1; i >= 0; i--) {
            if (!scenarios.get(i).path("valid").asBoolean(true)) {
                scenarios.remove(i);
            }
        }
        return copy;
    }
}
