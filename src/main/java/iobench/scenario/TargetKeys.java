package iobench.scenario;

import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import iobench.bench.contender.UrlTemplate;
import iobench.core.ServerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code targets} list of a scenario file: any contender by name, its URL template and what
 * the model needs of it ({@code model: pool} with its {@code threads}, or {@code async}/{@code virtual}).
 */
final class TargetKeys {
    static final Set<String> KEYS = java.util.stream.Stream.concat(Stream.of("name", "url", "model", "threads"),
            RequestKeys.KEYS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private TargetKeys() {
    }

    static List<Target> parse(ScenarioNodes nodes, Node node, List<Target> given) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw nodes.fail(node, "targets", "expected a non-empty list of targets (each starting with '- name: ...')");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Target target = one(nodes, sequence.getValue().get(i), "targets[" + i + "]", given);
            KeyMap keys = nodes.keys(sequence.getValue().get(i), "targets[" + i + "]", KEYS);
            if (targets.stream().anyMatch(t -> t.name().equals(target.name()))) {
                throw nodes.fail(keys.value("name"), keys.pathOf("name"), "'" + target.name()
                        + "' is used twice; expected a unique name");
            }
            targets.add(target);
        }
        return targets;
    }

    private static Target one(ScenarioNodes nodes, Node node, String path, List<Target> given) {
        KeyMap keys = nodes.keys(node, path, KEYS);
        String name = keys.requireScalar("name", "a name such as 'flask' (letters, digits, '.', '_', '-')");
        if (!Target.NAME.matcher(name).matches()) {
            throw nodes.fail(keys.value("name"), keys.pathOf("name"), "'" + name
                    + "' is not allowed; expected 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (ServerRole.contenderFromLabel(name) != null || name.equalsIgnoreCase(ServerRole.SIM.label())) {
            throw nodes.fail(keys.value("name"), keys.pathOf("name"), "'" + name + "' is one of our servers; expected "
                    + "another name (sync, async and virtual are predefined targets)");
        }
        // --target NAME=URL gives the URL; the file may then give only the model.
        UrlTemplate fromCommandLine = given.stream().filter(g -> g.name().equals(name)).map(Target::url).findFirst()
                .orElse(null);
        UrlTemplate url = fromCommandLine;
        if (fromCommandLine == null || keys.has("url")) {
            // The entry may be one that --target was meant to complete: say so where the url is missing.
            String urlText = keys.requireScalar("url", "a URL template such as http://127.0.0.1:8002/io?delay={delay}, "
                    + "or --target " + name + "=URL on the command line");
            try {
                url = UrlTemplate.parse(urlText, nodes.environment());
            } catch (IllegalArgumentException e) {
                throw nodes.fail(keys.value("url"), keys.pathOf("url"), e.getMessage());
            }
        }
        if (fromCommandLine != null) {
            url = fromCommandLine;
        }
        // Without a model, as with --target alone, the report predicts nothing for the target.
        if (!keys.has("model")) {
            keys.refuse("threads", "only a pool has threads; expected model: pool with them");
            return new Target(name, url, null, 0, RequestKeys.parse(nodes, keys, baseDir(nodes)));
        }
        String modelText = keys.requireScalar("model", "one of " + TargetModel.labels());
        TargetModel model = TargetModel.fromLabel(modelText);
        if (model == null) {
            throw nodes.fail(keys.value("model"), keys.pathOf("model"), "'" + modelText + "' is not allowed; expected one of "
                    + TargetModel.labels());
        }
        int threads = 0;
        if (model == TargetModel.POOL) {
            threads = keys.required("threads", "the pool's thread count, an integer from 1 to 100000",
                    nodes.integer(1, 100_000));
        } else {
            keys.refuse("threads", "only a pool has threads; model '" + model.label() + "' serves everything in one wave");
        }
        return new Target(name, url, model, threads, RequestKeys.parse(nodes, keys, baseDir(nodes)));
    }

    /** A {@code body-file} is read relative to the scenario file's folder, or the working directory. */
    private static java.nio.file.Path baseDir(ScenarioNodes nodes) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(nodes.source()).toAbsolutePath();
            return java.nio.file.Files.isRegularFile(file) ? file.getParent() : java.nio.file.Path.of("");
        } catch (RuntimeException e) {
            return java.nio.file.Path.of("");
        }
    }
}
