package iobench.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code /benchmark/io-test} answer says about its downstream calls. An answer that is
 * not the expected JSON counts as failed: a server must not look fast by answering garbage.
 *
 * @param downstreamErrors  failed calls by kind, as {@code downstream-<kind>}
 * @param downstreamSamples the first message the answer's {@code errors} list gives for each of those kinds
 */
record ServerAnswer(int successful, int failed, Map<String, Integer> downstreamErrors,
                    Map<String, String> downstreamSamples, double serverDurationS) {

    static ServerAnswer parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode results = root.path("results");
            if (!results.path("successful").isInt() || !results.path("failed").isInt()) {
                return null;
            }
            Map<String, Integer> errors = new LinkedHashMap<>();
            root.path("errors_by_kind").fields().forEachRemaining(e ->
                    errors.put("downstream-" + e.getKey(), e.getValue().asInt()));
            Map<String, String> samples = new LinkedHashMap<>();
            for (JsonNode error : root.path("errors")) {
                if (error.path("kind").isTextual() && error.path("message").isTextual()) {
                    samples.putIfAbsent("downstream-" + error.get("kind").asText(), error.get("message").asText());
                }
            }
            return new ServerAnswer(results.get("successful").asInt(), results.get("failed").asInt(), errors, samples,
                    root.path("timing").path("total_duration").asDouble(Double.NaN));
        } catch (Exception e) {
            return null;
        }
    }
}
