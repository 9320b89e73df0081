package iobench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What one of our servers' {@code GET /health} says that bench and check use; the rest of the
 * answer (endpoints, status, the server's description) is for people and is skipped.
 *
 * @param role          the server's role label ({@code sync}, {@code sim}, ...); null when it gives none
 * @param threads       the sync server's pool ({@code "200"}), the virtual server's words for its
 *                      threads, null for the others: as the answer gives it
 * @param fanoutThreads the sync server's fan-out pool; null for the others
 * @param eventLoops    the async server's event loops; null for the others
 * @param cgroupLimits  what the server's container or pod allows it; {@link CgroupLimits#NONE} when it does not say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthAnswer(String role, String threads, Integer fanoutThreads, Integer eventLoops,
                           CgroupLimits cgroupLimits) {
    public HealthAnswer {
        cgroupLimits = cgroupLimits == null ? CgroupLimits.NONE : cgroupLimits;
    }

    /**
     * A /health answer's JSON, typed.
     *
     * @throws IllegalArgumentException when a key it reads holds another kind of value (not one of ours)
     */
    public static HealthAnswer read(JsonNode body) {
        try {
            return Json.MAPPER.treeToValue(body, HealthAnswer.class);
        } catch (JacksonException e) {
            String reason = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new IllegalArgumentException(reason, e);
        }
    }

    /** The pool the sync server reports; {@code otherwise} where the answer gives no count (a virtual server). */
    public int threadsOr(int otherwise) {
        try {
            return threads == null ? otherwise : Integer.parseInt(threads.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The fan-out pool the sync server reports; {@code otherwise} where the answer gives none. */
    public int fanoutThreadsOr(int otherwise) {
        return fanoutThreads == null ? otherwise : fanoutThreads;
    }
}
