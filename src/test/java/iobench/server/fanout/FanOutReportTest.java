package iobench.server.fanout;

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
}
