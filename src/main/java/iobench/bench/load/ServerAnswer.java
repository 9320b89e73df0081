package iobench.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import iobench.core.Labelled;
import iobench.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code /benchmark/io-test} answer says about its downstream calls. An answer that is
 * not the expected JSON counts as failed: a server must not look fast by answering garbage.
 *
 * @param downstreamErrors  failed calls by kind, in the answer's order; a kind that is none of ours (another
 *                          service's own word) counts as {@link ErrorKind#IO}, its message still says what it was
 * @param downstreamSamples the first message the answer's {@code errors} list gives for each of those kinds
 */
record ServerAnswer(int successful, int failed, Map<ErrorKey, Integer> downstreamErrors,
                    Map<ErrorKey, String> downstreamSamples, double serverDurationS) {

    static ServerAnswer parse(String body) {
        if (body == null || !mayBeAnswer(body)) {
            return null;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode results = root.path("results");
            if (!results.path("successful").isInt() || !results.path("failed").isInt()) {
                return null;
            }
            Map<ErrorKey, Integer> errors = new LinkedHashMap<>();
            root.path("errors_by_kind").fields().forEachRemaining(e ->
                    errors.merge(downstream(e.getKey()), e.getValue().asInt(), Integer::sum));
            Map<ErrorKey, String> samples = new LinkedHashMap<>();
            for (JsonNode error : root.path("errors")) {
                if (error.path("kind").isTextual() && error.path("message").isTextual()) {
                    samples.putIfAbsent(downstream(error.get("kind").asText()), error.get("message").asText());
                }
            }
            return new ServerAnswer(results.get("successful").asInt(), results.get("failed").asInt(), errors, samples,
                    root.path("timing").path("total_duration").asDouble(Double.NaN));
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * False when the body cannot hold a {@code "results"} member, so that no JSON tree is built for
     * an answer that is not the io-test JSON (the sim's, any other service's): every load run reads
     * every answer. A key can only spell {@code results} without the word itself through an escape.
     */
    private static boolean mayBeAnswer(String body) {
        return body.contains("results") || body.indexOf('\\') >= 0;
    }

    private static ErrorKey downstream(String kind) {
        ErrorKind known = Labelled.fromLabel(ErrorKind.class, kind);
        return ErrorKey.downstream(known == null ? ErrorKind.IO : known);
    }
}
