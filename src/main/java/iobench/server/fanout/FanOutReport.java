package iobench.server.fanout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return (int) calls.stream().filter(CallOutcome::ok).count();
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

    public String toJson() {
        ObjectNode root = Json.object();
        root.put("server_type", serverType.label());
        root.put("strategy", strategy.label());
        root.put("delay", delayMs / 1000.0);
        root.put("concurrent", concurrent);
        double totalS = totalDurationNs / 1e9;
        ObjectNode timing = root.putObject("timing");
        timing.put("total_duration", totalS);
        timing.put("expected_duration", expectedDurationMs / 1000.0);
        timing.put("requests_per_second", totalS > 0 ? concurrent / totalS : 0.0);
        ObjectNode results = root.putObject("results");
        results.put("successful", successful());
        results.put("failed", failed());
        results.put("total", calls.size());
        ObjectNode byKind = root.putObject("errors_by_kind");
        errorsByKind().forEach((kind, count) -> byKind.put(kind.label(), count));
        ArrayNode errors = root.putArray("errors");
        shownErrors().forEach(c -> {
            ObjectNode e = errors.addObject();
            e.put("call", c.index());
            e.put("kind", c.errorKind().label());
            if (c.status() != 0) {
                e.put("status", c.status());
            }
            e.put("message", c.message());
        });
        ArrayNode sample = root.putArray("calls");
        calls.stream().limit(DETAILS_SHOWN).forEach(c -> {
            ObjectNode s = sample.addObject();
            s.put("call", c.index());
            s.put("status", c.status());
            s.put("duration", c.durationNs() / 1e9);
            s.put("ok", c.ok());
        });
        root.put("note", note());
        return Json.write(root);
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

    private String note() {
        if (failed() > 0) {
            return failed() + " of " + calls.size() + " downstream calls failed; this timing is not comparable";
        }
        return switch (strategy) {
            case SEQUENTIAL -> "calls made one after another on the request thread; expected " + concurrent
                    + " x delay";
            case PARALLEL -> "calls made all at once; expected about one delay";
        };
    }
}
