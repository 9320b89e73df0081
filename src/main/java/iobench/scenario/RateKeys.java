package iobench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The keys of {@code kind: rate}: {@code rate} (a number or an increasing list), {@code duration}, {@code connections}, {@code slo}. */
final class RateKeys {
    private static final Set<String> SLO_KEYS = Set.of("p99", "errors");

    private RateKeys() {
    }

    static Function<Scenario.Common, Scenario> parse(ScenarioNodes nodes, KeyMap keys, ScenarioFileParser.Caps caps) {
        // A staircase overloads its top steps on purpose; thresholds would always break there.
        keys.refuse("thresholds", "not used by kind 'rate'; a rate scenario is gated by its 'slo' (the capacity it finds)");
        String rateAllowed = "requests per second from 1 to " + ScenarioFileParser.MAX_RATE + ", or an increasing list "
                + "of them such as [50, 100, 200]";
        keys.require("rate", rateAllowed);
        List<Integer> rates = rates(nodes, keys.value("rate"), keys.pathOf("rate"), rateAllowed);
        long durationMs = keys.required("duration", "how long each step sends, such as 10s (at most "
                + Durations.format(ScenarioFileParser.MAX_DURATION_MS) + ")", nodes.runDuration());
        int connections = keys.get("connections", nodes.integer(1, RateSpec.MAX_IN_FLIGHT), 0);
        RateSpec.Slo slo = keys.get("slo", (node, path) -> slo(nodes, node, path), null);
        RateSpec spec = new RateSpec(rates, durationMs, connections, slo);
        return common -> new RateScenario(common, spec);
    }

    private static List<Integer> rates(ScenarioNodes nodes, Node node, String path, String allowed) {
        List<Integer> rates = new ArrayList<>();
        ValueParser<Integer> rate = nodes.integer(1, ScenarioFileParser.MAX_RATE);
        if (!(node instanceof SequenceNode steps)) {
            rates.add(rate.parse(node, path));
            return rates;
        }
        if (steps.getValue().isEmpty() || steps.getValue().size() > ScenarioFileParser.MAX_RATE_STEPS) {
            throw nodes.fail(node, path, "expected 1 to " + ScenarioFileParser.MAX_RATE_STEPS + " steps of " + allowed);
        }
        for (int i = 0; i < steps.getValue().size(); i++) {
            Node step = steps.getValue().get(i);
            int value = rate.parse(step, path + "[" + i + "]");
            if (!rates.isEmpty() && value <= rates.get(rates.size() - 1)) {
                throw nodes.fail(step, path + "[" + i + "]", "'" + value + "' is not allowed; expected a rate "
                        + "above the step before (" + rates.get(rates.size() - 1) + "): a staircase goes up");
            }
            rates.add(value);
        }
        return rates;
    }

    private static RateSpec.Slo slo(ScenarioNodes nodes, Node node, String path) {
        KeyMap keys = nodes.keys(node, path, SLO_KEYS);
        keys.require("p99", "the p99 latency a step may reach, such as 500ms");
        long p99Ms = keys.get("p99", nodes.duration(ScenarioFileParser.MAX_DURATION_MS), 0L);
        if (p99Ms < 1) {
            throw nodes.fail(keys.value("p99"), path + ".p99", "'0' is not allowed; expected at least 1ms");
        }
        double errorRate = keys.get("errors", nodes::percent, ScenarioFileParser.DEFAULT_SLO_ERROR_RATE);
        return new RateSpec.Slo(p99Ms, errorRate);
    }
}
