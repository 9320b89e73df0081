package iobench.server.fanout;

import iobench.core.ErrorKind;
import iobench.core.ServerRole;
import iobench.core.Strategy;
import iobench.http.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@code /benchmark/io-test}: the original suite's JSON, plus the error kinds,
 * so that a failing server can never look fast.
 *
 * @param serverType         sync, async or virtual
 * @param strategy           sequential or parallel (async is always parallel)
 * @param expectedDurationMs what the simple model predicts for this strategy
 * @param totalDurationNs    wall time of the whole fan-out, measured in the server
 */
public record FanOutReport(
        ServerRole serverType,
        Strategy strategy,
        long delayMs,
        int concurrent,
        long expectedDurationMs,
        long totalDurationNs,
        List<CallOutcome> calls) {

    /** How many errors (then one per further kind) and sample calls the answer shows in full. */
    public static final int DETAILS_SHOWN = 5;

    public FanOutReport {
        calls = List.copyOf(calls);
    }

    public int successful() {
        int successful = 0;
        for (CallOutcome call : calls) {
            if (call.ok()) {
                successful++;
            }
        }
        return successful;
    }

    public int failed() {
        return calls.size() - successful();
    }

    /** 200 when at least one call succeeded, 502 when every call failed. */
    public int httpStatus() {
        return calls.isEmpty() || successful() > 0 ? 200 : 502;
    }

    public Map<ErrorKind, Integer> errorsByKind() {
        Map<ErrorKind, Integer> counts = new EnumMap<>(ErrorKind.class);
        for (CallOutcome call : calls) {
            if (!call.ok()) {
                counts.merge(call.errorKind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The answer, written from a template rather than a JSON tree: it is sent once per request.
     * Numbers are written as Jackson writes them ({@code Double.toString}), strings escaped by
     * Jackson's own encoder.
     */
    public String toJson() {
        return template().toString();
    }

    /** {@link #toJson()} in UTF-8, for the wire. */
    public byte[] toJsonBytes() {
        return Json.utf8(template());
    }

    private StringBuilder template() {
        int successful = successful();
        double totalS = totalDurationNs / 1e9;
        StringBuilder json = new StringBuilder(512 + 96 * Math.min(calls.size(), DETAILS_SHOWN));
        json.append("{\"server_type\":");
        Json.appendString(json, serverType.label()).append(",\"strategy\":");
        Json.appendString(json, strategy.label()).append(",\"delay\":").append(delayMs / 1000.0)
                .append(",\"concurrent\":").append(concurrent)
                .append(",\"timing\":{\"total_duration\":").append(totalS)
                .append(",\"expected_duration\":").append(expectedDurationMs / 1000.0)
                .append(",\"requests_per_second\":").append(totalS > 0 ? concurrent / totalS : 0.0)
                .append("},\"results\":{\"successful\":").append(successful)
                .append(",\"failed\":").append(calls.size() - successful)
                .append(",\"total\":").append(calls.size())
                .append("},\"errors_by_kind\":{");
        if (successful < calls.size()) {
            String comma = "";
            for (Map.Entry<ErrorKind, Integer> kind : errorsByKind().entrySet()) {
                json.append(comma);
                Json.appendString(json, kind.getKey().label()).append(':').append(kind.getValue());
                comma = ",";
            }
        }
        json.append("},\"errors\":[");
        if (successful < calls.size()) {
            String comma = "";
            for (CallOutcome c : shownErrors()) {
                json.append(comma).append("{\"call\":").append(c.index()).append(",\"kind\":");
                Json.appendString(json, c.errorKind().label());
                if (c.status() != 0) {
                    json.append(",\"status\":").append(c.status());
                }
                json.append(",\"message\":");
                Json.appendString(json, c.message()).append('}');
                comma = ",";
            }
        }
        json.append("],\"calls\":[");
        for (int i = 0; i < Math.min(calls.size(), DETAILS_SHOWN); i++) {
            CallOutcome c = calls.get(i);
            json.append(i == 0 ? "" : ",").append("{\"call\":").append(c.index())
                    .append(",\"status\":").append(c.status())
                    .append(",\"duration\":").append(c.durationNs() / 1e9)
                    .append(",\"ok\":").append(c.ok()).append('}');
        }
        json.append("],\"note\":");
        return Json.appendString(json, note(calls.size() - successful)).append('}');
    }

    /**
     * The first failed calls, and the first of every other kind after them, so that a client
     * (bench's report) has one message for each kind it counts.
     */
    private List<CallOutcome> shownErrors() {
        List<CallOutcome> shown = new ArrayList<>();
        Set<ErrorKind> kinds = EnumSet.noneOf(ErrorKind.class);
        for (CallOutcome call : calls) {
            if (!call.ok() && (shown.size() < DETAILS_SHOWN || !kinds.contains(call.errorKind()))) {
                shown.add(call);
                kinds.add(call.errorKind());
            }
        }
        return shown;
    }

    private String note(int failed) {
        if (failed > 0) {
            return failed + " of " + calls.size() + " downstream calls failed; this timing is not comparable";
        }
        return switch (strategy) {
            case SEQUENTIAL -> "calls made one after another on the request thread; expected " + concurrent
                    + " x delay";
            case PARALLEL -> "calls made all at once; expected about one delay";
        };
    }
}
