package iobench.bench.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import iobench.core.Labelled;
import java.util.LinkedHashMap;
import java.util.List;
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
    /**
     * Keys the answers' own (snake_case); keys it does not know are skipped (another service may say
     * more). Counts must be JSON integers: "5" or 5.5 is no count, and the answer is not ours.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    /** The answer as its JSON holds it. */
    private record Body(Results results, Timing timing, Map<String, Integer> errorsByKind, List<ErrorEntry> errors) {
    }

    /** The downstream calls' counts; null where the answer has none. */
    private record Results(Integer successful, Integer failed) {
    }

    /** @param totalDuration the server's own time for the request's calls, in seconds */
    private record Timing(Double totalDuration) {
    }

    /** One failed call; an entry without its kind or its message gives no sample. */
    private record ErrorEntry(String kind, String message) {
    }

    static ServerAnswer parse(String body) {
        if (body == null || !mayBeAnswer(body)) {
            return null;
        }
        try {
            Body answer = JSON.readValue(body, Body.class);
            Results results = answer.results();
            if (results == null || results.successful() == null || results.failed() == null) {
                return null;
            }
            Map<ErrorKey, Integer> errors = new LinkedHashMap<>();
            if (answer.errorsByKind() != null) {
                answer.errorsByKind().forEach((kind, count) ->
                        errors.merge(downstream(kind), count == null ? 0 : count, Integer::sum));
            }
            Map<ErrorKey, String> samples = new LinkedHashMap<>();
            for (ErrorEntry error : answer.errors() == null ? List.<ErrorEntry>of() : answer.errors()) {
                if (error != null && error.kind() != null && error.message() != null) {
                    samples.putIfAbsent(downstream(error.kind()), error.message());
                }
            }
            Double durationS = answer.timing() == null ? null : answer.timing().totalDuration();
            return new ServerAnswer(results.successful(), results.failed(), errors, samples,
                    durationS == null ? Double.NaN : durationS);
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
