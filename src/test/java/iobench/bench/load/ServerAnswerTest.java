package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failed downstream calls an io-test answer reports, under our kinds. */
class ServerAnswerTest {

    @Test
    void theAnswersKindsAreOursAndAWordOfAnotherServiceCountsAsIo() {
        ServerAnswer answer = ServerAnswer.parse("""
                {"results":{"successful":1,"failed":4,"total":5},"timing":{"total_duration":0.5},
                 "errors_by_kind":{"reset":2,"gone":1,"vanished":1},
                 "errors":[{"kind":"reset","message":"Connection reset"},{"kind":"gone","message":"it left"}]}
                """);
        ErrorKey reset = ErrorKey.downstream(ErrorKind.RESET);
        ErrorKey io = ErrorKey.downstream(ErrorKind.IO);
        assertEquals(Map.of(reset, 2, io, 2), answer.downstreamErrors());
        assertEquals(List.of(reset, io), List.copyOf(answer.downstreamErrors().keySet()), "the answer's order");
        assertEquals(Map.of(reset, "Connection reset", io, "it left"), answer.downstreamSamples());
        assertEquals(0.5, answer.serverDurationS());
    }

    @Test
    void anAnswerWithoutItsCountsIsNone() {
        assertNull(ServerAnswer.parse("{\"errors_by_kind\":{}}"));
    }

    @Test
    void aKeySpelledWithAnEscapeIsStillReadAndAnAnswerWithoutResultsIsNone() {
        // The check that spares a JSON tree for other answers must not miss this one.
        ServerAnswer escaped = ServerAnswer.parse("{\"res\\u0075lts\":{\"successful\":3,\"failed\":0}}");
        assertEquals(3, escaped.successful());
        assertNull(ServerAnswer.parse("{\"message\":\"slow IO completed\",\"delay\":0.005,\"request_id\":\"7\"}"));
    }
}
