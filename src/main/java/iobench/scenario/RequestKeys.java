package iobench.scenario;

import iobench.bench.contender.HttpVersion;
import iobench.bench.contender.RequestSpec;
import iobench.bench.contender.TextTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What a target's requests are beyond their URL, from its entry in the {@code targets} list:
 * {@code method}, {@code headers}, {@code body} or {@code body-file}, {@code expect},
 * {@code timeout}, {@code http}, {@code insecure} and {@code retry-stale}.
 */
final class RequestKeys {
    static final Set<String> KEYS = Set.of("method", "headers", "body", "body-file", "expect", "timeout", "http",
            "insecure", "retry-stale");
    /** A request's own timeout at most: the same bound as a scenario's work. */
    private static final long MAX_TIMEOUT_MS = 3_600_000;
    /** A body read from a file at most: a request, not an upload test. */
    private static final long MAX_BODY_BYTES = 1 << 20;
    /** An HTTP status code. */
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private RequestKeys() {
    }

    static RequestSpec parse(ScenarioNodes nodes, KeyMap keys, Path baseDir) {
        UnaryOperator<String> environment = nodes.environment();
        String method = keys.get("method", nodes.word(RequestSpec.METHODS.stream()
                .map(m -> m.toLowerCase(Locale.ROOT)).toList()), "get").toUpperCase(Locale.ROOT);
        Map<String, TextTemplate> headers = keys.has("headers")
                ? headers(nodes, keys.value("headers"), keys.pathOf("headers"), environment) : Map.of();
        if (keys.has("body") && keys.has("body-file")) {
            throw nodes.fail(keys.keyNode("body-file"), keys.pathOf("body-file"),
                    "a target takes 'body' or 'body-file', not both; expected one of them");
        }
        TextTemplate body = null;
        String bodyFile = null;
        if (keys.has("body")) {
            body = template(nodes, keys.value("body"), keys.pathOf("body"), environment, true);
        } else if (keys.has("body-file")) {
            bodyFile = nodes.scalar(keys.value("body-file"), keys.pathOf("body-file"), "a file's path");
            // A recorded file is read again only to merge: nothing is sent, and the body may be elsewhere.
            body = nodes.recorded() ? TextTemplate.parse("", environment)
                    : bodyFromFile(nodes, keys, baseDir.resolve(bodyFile), environment);
        }
        Set<Integer> expect = keys.has("expect") ? expect(nodes, keys.value("expect"), keys.pathOf("expect")) : Set.of();
        Duration timeout = keys.has("timeout")
                ? Duration.ofMillis(keys.get("timeout", nodes.duration(MAX_TIMEOUT_MS), 0L)) : null;
        if (timeout != null && timeout.isZero()) {
            throw nodes.fail(keys.value("timeout"), keys.pathOf("timeout"), "'0' is not allowed; expected a timeout "
                    + "above 0, such as 5s");
        }
        HttpVersion http = HttpVersion.HTTP_1_1;
        if (keys.has("http")) {
            String text = nodes.scalar(keys.value("http"), keys.pathOf("http"), "one of " + HttpVersion.labels());
            http = HttpVersion.fromLabel(text);
            if (http == null) {
                throw nodes.fail(keys.value("http"), keys.pathOf("http"), "'" + text + "' is not allowed; expected one of "
                        + HttpVersion.labels());
            }
        }
        boolean insecure = keys.get("insecure", bool(nodes), false);
        boolean retryStale = keys.get("retry-stale", bool(nodes), false);
        try {
            return new RequestSpec(method, headers, body, bodyFile, expect, timeout, http, insecure, retryStale);
        } catch (IllegalArgumentException e) {
            throw nodes.fail(keys.owner(), keys.pathOf(body != null ? (bodyFile != null ? "body-file" : "body")
                    : "method"), e.getMessage());
        }
    }

    private static Map<String, TextTemplate> headers(ScenarioNodes nodes, Node node, String path,
                                                     UnaryOperator<String> environment) {
        if (!(node instanceof MappingNode mapping)) {
            throw nodes.fail(node, path, "expected a map of header names to values, such as "
                    + "{Authorization: 'Bearer ${TOKEN}'}");
        }
        Map<String, TextTemplate> headers = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = nodes.scalar(tuple.getKeyNode(), path, "a header name");
            if (!RequestSpec.HEADER_NAME.matcher(name).matches()) {
                throw nodes.fail(tuple.getKeyNode(), path + "." + name, "'" + name + "' is not a header name; "
                        + "expected letters, digits and !#$%&'*+.^_`|~- (RFC 9110 token)");
            }
            if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name))) {
                throw nodes.fail(tuple.getKeyNode(), path + "." + name, "'" + name + "' is given twice; expected each "
                        + "header once");
            }
            headers.put(name, template(nodes, tuple.getValueNode(), path + "." + name, environment, false));
        }
        return headers;
    }

    private static TextTemplate template(ScenarioNodes nodes, Node node, String path, UnaryOperator<String> environment,
                                         boolean body) {
        if (!(node instanceof ScalarNode scalar)) {
            throw nodes.fail(node, path, "expected text");
        }
        String text = scalar.getValue();
        if (!body && (text.contains("\r") || text.contains("\n"))) {
            throw nodes.fail(node, path, "a header value spans lines; expected one line");
        }
        try {
            return TextTemplate.parse(text, environment);
        } catch (IllegalArgumentException e) {
            throw nodes.fail(node, path, e.getMessage());
        }
    }

    private static TextTemplate bodyFromFile(ScenarioNodes nodes, KeyMap keys, Path file,
                                             UnaryOperator<String> environment) {
        try {
            if (Files.size(file) > MAX_BODY_BYTES) {
                throw nodes.fail(keys.value("body-file"), keys.pathOf("body-file"), "'" + file + "' is over "
                        + MAX_BODY_BYTES + " bytes; expected a request body up to 1 MiB");
            }
            return TextTemplate.parse(Files.readString(file, StandardCharsets.UTF_8), environment);
        } catch (IOException e) {
            throw nodes.fail(keys.value("body-file"), keys.pathOf("body-file"), "cannot read '" + file + "' ("
                    + e.getClass().getSimpleName() + "); expected a readable UTF-8 file");
        } catch (IllegalArgumentException e) {
            throw nodes.fail(keys.value("body-file"), keys.pathOf("body-file"), e.getMessage());
        }
    }

    /** One status or a list of them: {@code expect: 201} or {@code expect: [200, 204]}. */
    private static Set<Integer> expect(ScenarioNodes nodes, Node node, String path) {
        ValueParser<Integer> status = nodes.integer(MIN_STATUS, MAX_STATUS);
        Set<Integer> codes = new LinkedHashSet<>();
        if (node instanceof SequenceNode list && !list.getValue().isEmpty()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                codes.add(status.parse(list.getValue().get(i), path + "[" + i + "]"));
            }
        } else {
            codes.add(status.parse(node, path));
        }
        return codes;
    }

    private static ValueParser<Boolean> bool(ScenarioNodes nodes) {
        return nodes.word(java.util.List.of("true", "false")).map(Boolean::parseBoolean);
    }
}
