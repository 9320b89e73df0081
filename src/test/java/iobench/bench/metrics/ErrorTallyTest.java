package iobench.bench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts by kind and the first message of each, as the load threads add them at once. */
class ErrorTallyTest {
    private static final ErrorKey REFUSED = ErrorKey.of(ErrorKind.REFUSED);
    private static final ErrorKey TIMEOUT = ErrorKey.of(ErrorKind.TIMEOUT);

    @Test
    void theFirstMessageOfEachKindIsKeptAndEveryOneIsCounted() throws Exception {
        ErrorTally tally = new ErrorTally();
        tally.add(REFUSED, 1, "ConnectException: first");
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    tally.add(REFUSED, 1, "ConnectException: later");
                    tally.add(TIMEOUT, 2, "timeout");
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }

        assertEquals(Map.of("refused", 8001, "timeout", 16_000), tally.counts());
        assertEquals(Map.of("refused", "ConnectException: first", "timeout", "timeout"), tally.samples());
    }

    @Test
    void aSampleIsOneLineOfAtMost120Characters() {
        String sample = ErrorTally.sample("  line one\r\n\tline two " + "x".repeat(200));

        assertEquals(120, sample.length());
        assertEquals("line one line two xxx", sample.substring(0, 21));
        assertEquals("...", sample.substring(117));
        assertEquals("(no message)", ErrorTally.sample(null));
        assertEquals("short", ErrorTally.sample("short"));
    }
}
