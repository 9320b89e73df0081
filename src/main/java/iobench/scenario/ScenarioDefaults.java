package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.core.Strategy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code defaults} map of a scenario file: the warm-up of the whole plan, and what a scenario
 * that does not say otherwise takes (its thresholds are read by {@link ThresholdKeys}).
 */
record ScenarioDefaults(int repetitions, Warmup warmup, long warmupDelayMs, List<Contender> servers,
                        Strategy strategy, Contender baseline) {
    static final Set<String> KEYS = Set.of("repetitions", "warmup", "warmup-delay", "warmup-max-calls",
            "warmup-max-time", "servers", "strategy", "thresholds", "baseline");

    /** A file without {@code defaults}. */
    static ScenarioDefaults standard() {
        return new ScenarioDefaults(ScenarioFileParser.DEFAULT_REPETITIONS, Warmup.AUTO,
                ScenarioFileParser.DEFAULT_WARMUP_DELAY_MS, ScenarioFileParser.DEFAULT_SERVERS, Strategy.SEQUENTIAL,
                null);
    }

    static ScenarioDefaults parse(ScenarioNodes nodes, Node node, ScenarioFileParser.Caps caps) {
        KeyMap keys = nodes.keys(node, "defaults", KEYS);
        ScenarioDefaults standard = standard();
        int repetitions = keys.get("repetitions", nodes.integer(1, caps.maxRepetitions()), standard.repetitions());
        Warmup warmup = keys.get("warmup", (n, path) -> warmup(nodes, n, path, caps), Warmup.AUTO);
        long maxMs = keys.get("warmup-max-time", nodes.duration(ScenarioFileParser.MAX_WARMUP_MS), Warmup.AUTO_MAX_MS);
        long maxCalls = keys.get("warmup-max-calls", nodes.integer(1, 10_000_000), (int) Warmup.defaultMaxCalls(maxMs));
        warmup = warmup.withCaps(maxCalls, Math.max(1, maxMs));
        long warmupDelayMs = keys.get("warmup-delay", nodes.duration(caps.maxDelayMs()), standard.warmupDelayMs());
        List<Contender> servers = keys.get("servers", nodes::servers, standard.servers());
        Strategy strategy = keys.get("strategy", strategy(nodes), standard.strategy());
        Contender baseline = keys.get("baseline", (n, path) -> {
            String text = nodes.scalar(n, path, "the name of a server or target, such as flask");
            Contender named = nodes.contender(text);
            if (named == null) {
                throw nodes.fail(n, path, "'" + text + "' is not allowed; expected sync, async, virtual or a target "
                        + "the 'targets' list names");
            }
            return named;
        }, null);
        return new ScenarioDefaults(repetitions, warmup, warmupDelayMs, servers, strategy, baseline);
    }

    /** {@code sequential} or {@code parallel}, in any case. */
    static ValueParser<Strategy> strategy(ScenarioNodes nodes) {
        return nodes.word(Strategy.LABELS).map(Strategy::of);
    }

    /** {@code auto}, a number of rounds ({@code 3}), or a time with its unit ({@code 20s}). */
    private static Warmup warmup(ScenarioNodes nodes, Node node, String path, ScenarioFileParser.Caps caps) {
        String allowed = "auto, a number of rounds from 0 to " + caps.maxWarmupRuns() + ", or a time such as 20s (at most "
                + Durations.format(ScenarioFileParser.MAX_WARMUP_MS) + ")";
        String text = nodes.scalar(node, path, allowed).trim().toLowerCase(Locale.ROOT);
        if (text.equals("auto")) {
            return Warmup.AUTO;
        }
        if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) <= caps.maxWarmupRuns()) {
            return Warmup.rounds(Integer.parseInt(text));
        }
        long ms = text.matches(".*[a-z]$") ? Durations.parseMs(text) : -1;
        if (ms < 0 || ms > ScenarioFileParser.MAX_WARMUP_MS) {
            throw nodes.fail(node, path, "'" + text + "' is not allowed; expected " + allowed);
        }
        return Warmup.timed(ms);
    }
}
