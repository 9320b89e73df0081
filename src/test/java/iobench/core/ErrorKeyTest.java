package iobench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The names a run's failures have in the results, made from the kinds and read back to them. */
class ErrorKeyTest {

    @Test
    void eachKeyHasTheNameTheResultsGiveItAndIsReadBackFromIt() {
        assertEquals("refused", ErrorKey.of(ErrorKind.REFUSED).label());
        assertEquals("connect-timeout", ErrorKey.of(ErrorKind.CONNECT_TIMEOUT).label());
        assertEquals("dropped", ErrorKey.of(ErrorKind.DROPPED).label());
        assertEquals("http-502", ErrorKey.http(502).label());
        assertEquals("downstream-http-status", ErrorKey.downstream(ErrorKind.HTTP_STATUS).label());
        assertEquals("downstream", ErrorKey.downstream(null).label());
        for (ErrorKind kind : ErrorKind.values()) {
            for (ErrorKey key : new ErrorKey[] {ErrorKey.of(kind), ErrorKey.downstream(kind)}) {
                assertEquals(key, ErrorKey.parse(key.label()), key.label());
            }
        }
        assertEquals(ErrorKey.http(404), ErrorKey.parse("http-404"));
        assertEquals(ErrorKey.downstream(null), ErrorKey.parse("downstream"));
    }

    @Test
    void aNameNoKeyGivesIsNone() {
        assertNull(ErrorKey.parse("http-5"));
        assertNull(ErrorKey.parse("downstream-gone"));
        assertNull(ErrorKey.parse("failed"));
    }

    @Test
    void onlyARequestsOwnHttpFailureHasAStatusAndOnlyADownstreamOneMayLackItsKind() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorKey(ErrorKind.TIMEOUT, 504, false));
        assertThrows(IllegalArgumentException.class, () -> new ErrorKey(ErrorKind.HTTP_STATUS, 502, true));
        assertThrows(IllegalArgumentException.class, () -> new ErrorKey(null, 0, false));
    }
}
