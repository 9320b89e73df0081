package iobench.bench.contender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestValuesTest {
    @Test
    void delaySecondsAreWhatTheFormatWrites() {
        long[] delays = {0, 1, 5, 9, 10, 25, 99, 100, 999, 1000, 1001, 1500, 25_000, 60_000, 123_456_789, -5, -1500,
                999_999_999_999L, 1_000_000_000_000L};
        for (long delayMs : delays) {
            assertEquals(String.format(Locale.ROOT, "%.3f", delayMs / 1000.0), RequestValues.seconds(delayMs),
                    "delay " + delayMs + " ms");
        }
    }
}
