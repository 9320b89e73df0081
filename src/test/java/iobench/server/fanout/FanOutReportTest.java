package iobench.server.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.core.ErrorKind;
import iobench.core.ServerRole;
import iobench.core.Strategy;
import iobench.http.Json;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer's {@code errors} list: the first failures, then the first of every kind not shown yet. */
class FanOutReportTest {

    @Test
    void aKindThatFirstFailsAfterTheFirstFiveStillGetsItsMessage() throws Exception {
        List<CallOutcome> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CallOutcome.failure(i, 1_000, new ConnectException("Connection refused " + i)));
        }
        calls.add(CallOutcome.success(8, 200, 1_000));
        calls.add(CallOutcome.failure(9, 1_000, new SocketTimeoutException("timeout")));
        calls.add(CallOutcome.failure(10, 1_000, new SocketTimeoutException("a second timeout")));
        calls.add(CallOutcome.httpStatus(11, 503, 1_000));

        JsonNode json = Json.MAPPER.readTree(new FanOutReport(ServerRole.SYNC, Strategy.SEQUENTIAL, 100, 12, 1_200,
                1_300_000_000L, calls).toJson());

        List<String> shown = new ArrayList<>();
        json.path("errors").forEach(e -> shown.add(e.path("call").asInt() + " " + e.path("kind").asText()));
        assertEquals(List.of("0 refused", "1 refused", "2 refused", "3 refused", "4 refused", "9 timeout",
                "11 http-status"), shown, json.toString());
        assertEquals("SocketTimeoutException: timeout", json.path("errors").path(5).path("message").asText());
        assertEquals(8, json.path("errors_by_kind").path("refused").asInt());
    }

    @Test
    void aFailedCallsMessageSaysWhyFirstAndWhereAfter() {
        Throwable wrapped = new java.util.concurrent.CompletionException(new IllegalStateException(
                "http://127.0.0.1:8001/slow-io", new ConnectException("Connection refused")));

        CallOutcome call = CallOutcome.failure(0, 1_000, wrapped);

        assertEquals(ErrorKind.REFUSED, call.errorKind());
        assertEquals("ConnectException: Connection refused (in IllegalStateException: http://127.0.0.1:8001/slow-io)",
                call.message());
        assertEquals("SocketTimeoutException: timeout",
                CallOutcome.failure(0, 1_000, new SocketTimeoutException("timeout")).message());
    }

    /**
     * The answer is written from a template, not a JSON tree: every field and every value comes
     * out as the tree wrote it, and a message with quotes, a backslash, a newline or a non-ASCII
     * character stays one valid JSON string.
     */
    @Test
    void theTemplateWritesWhatTheTreeWrote() throws Exception {
        String odd = "a \"quoted\" path\\with\nnew line, tab\t and \u00e9\u2028";
        List<CallOutcome> calls = List.of(CallOutcome.success(0, 200, 25_300_000L),
                new CallOutcome(1, 0, 7_000_000L, ErrorKind.IO, odd), CallOutcome.httpStatus(2, 503, 1_000));

        String written = new FanOutReport(iobench.core.ServerRole.VIRTUAL, iobench.core.Strategy.PARALLEL, 25, 3, 25, 31_000_000L, calls).toJson();

        JsonNode json = Json.MAPPER.readTree(written);
        assertEquals("{\"server_type\":\"virtual\",\"strategy\":\"parallel\",\"delay\":0.025,\"concurrent\":3,"
                + "\"timing\":{\"total_duration\":0.031,\"expected_duration\":0.025,"
                + "\"requests_per_second\":" + (3 / 0.031) + "},"
                + "\"results\":{\"successful\":1,\"failed\":2,\"total\":3},"
                + "\"errors_by_kind\":{\"http-status\":1,\"io\":1},"
                + "\"errors\":[{\"call\":1,\"kind\":\"io\",\"message\":" + Json.MAPPER.writeValueAsString(odd) + "},"
                + "{\"call\":2,\"kind\":\"http-status\",\"status\":503,\"message\":\"downstream answered HTTP 503\"}],"
                + "\"calls\":[{\"call\":0,\"status\":200,\"duration\":0.0253,\"ok\":true},"
                + "{\"call\":1,\"status\":0,\"duration\":0.007,\"ok\":false},"
                + "{\"call\":2,\"status\":503,\"duration\":1.0E-6,\"ok\":false}],"
                + "\"note\":\"2 of 3 downstream calls failed; this timing is not comparable\"}", written);
        assertEquals(odd, json.at("/errors/0/message").asText());
    }

    /** What goes on the wire is the same answer in UTF-8, whether it is all ASCII or not. */
    @Test
    void theBytesSentAreTheAnswerInUtf8() {
        List<CallOutcome> ascii = List.of(CallOutcome.success(0, 200, 25_300_000L));
        List<CallOutcome> nonAscii = List.of(new CallOutcome(0, 0, 7_000_000L, ErrorKind.IO, "caf\u00e9 \u2028 \ud83d\ude00"));

        for (List<CallOutcome> calls : List.of(ascii, nonAscii)) {
            FanOutReport report = new FanOutReport(ServerRole.SYNC, Strategy.SEQUENTIAL, 25, 1, 25, 26_000_000L, calls);
            assertEquals(report.toJson(), new String(report.toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertArrayEquals(report.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), report.toJsonBytes());
        }
    }
}
