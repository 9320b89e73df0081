package iobench.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import iobench.http.BadParameterException;
import iobench.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code POST /profile}: from the query, or from a JSON object body with the
 * same names ({@code {"profile": "llm-api", "p99": 2}}), never both. A body that was ignored
 * would reset the sim-wide profile in silence, so anything this cannot read is a 400 naming
 * what is wrong, before the old profile is touched.
 */
final class ProfileRequest {
    /** What the endpoint takes; {@code delay} is the base of the sim-wide distribution. */
    static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("delay"));
        names.addAll(IoQuery.REQUEST_PARAMS);
        names.addAll(IoQuery.SIM_WIDE_PARAMS);
        NAMES = List.copyOf(names);
    }

    private static final String BODY_FORM = "a JSON object of profile parameters such as {\"profile\": \"llm-api\", "
            + "\"p99\": \"2s\"} (names as on the query; times in seconds or with a unit, 2s or 250ms: "
            + String.join(", ", NAMES) + ")";
    /** A duplicate key or text after the object is a mistake, not something to pick a winner from. */
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Longest piece of a bad body quoted back in the error. */
    private static final int QUOTED_CHARS = 100;

    private ProfileRequest() {
    }

    /**
     * The parameters as query-style lists; empty when neither body nor query gives any (which
     * sets the default profile, as {@code POST /profile} always did).
     */
    static Map<String, List<String>> parameters(String body, Map<String, List<String>> query) {
        boolean hasBody = body != null && !body.isBlank();
        if (hasBody && !query.isEmpty()) {
            throw new BadParameterException("body", quoted(body), "either " + BODY_FORM + " or query parameters, "
                    + "not both (the query has " + String.join(", ", query.keySet()) + ")");
        }
        Map<String, List<String>> parameters = hasBody ? fromJson(body) : query;
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (!NAMES.contains(e.getKey())) {
                throw new BadParameterException(e.getKey(), String.join(",", e.getValue()),
                        "no parameter of this name; POST /profile takes " + String.join(", ", NAMES));
            }
        }
        return parameters;
    }

    private static Map<String, List<String>> fromJson(String body) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("body", quoted(body), BODY_FORM + "; this is not JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadParameterException("body", quoted(body), BODY_FORM + "; this is JSON but not an object");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            // A number or a string reads as the query's text; anything else (true, null, [..]) as its
            // JSON text, which the parameter's own check then refuses with its range.
            String text = value.isValueNode() && !value.isNull() ? value.asText() : value.toString();
            parameters.put(field.getKey(), List.of(DURATIONS.contains(field.getKey()) ? seconds(text) : text));
        });
        return parameters;
    }

    /** The names that take a time: in a body also as a duration with its unit ("2s", "250ms"). */
    private static final List<String> DURATIONS = List.of("delay", "p99", "min", "max", "stall_every", "stall");
    private static final java.util.regex.Pattern WITH_UNIT =
            java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s)");

    /** "2s" as 2, "250ms" as 0.25, anything else as written (the parameter's own check judges it). */
    static String seconds(String text) {
        java.util.regex.Matcher m = WITH_UNIT.matcher(text.strip());
        if (!m.matches()) {
            return text;
        }
        java.math.BigDecimal value = new java.math.BigDecimal(m.group(1));
        return (m.group(2).equals("ms") ? value.movePointLeft(3) : value).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTED_CHARS ? oneLine : oneLine.substring(0, QUOTED_CHARS) + "...";
    }
}
