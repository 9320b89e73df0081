package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void writesWhatInstantToStringWrites() {
        Instant now = Instant.now();
        List<Instant> instants = List.of(now, now.plusNanos(1), Instant.ofEpochSecond(1_800_000_000L),
                Instant.ofEpochSecond(1_800_000_000L, 120_000_000), Instant.ofEpochSecond(1_800_000_000L, 123_400),
                Instant.ofEpochSecond(1_800_000_000L, 5), Instant.ofEpochSecond(1_800_000_001L, 999_999_999),
                Instant.ofEpochSecond(-1, 7_000), Instant.EPOCH, Instant.parse("+12026-01-02T03:04:05.6Z"));
        for (Instant instant : instants) {
            // The same second twice in a row uses the kept text: both must match.
            assertEquals(instant.toString(), Timestamps.append(new StringBuilder(), instant).toString());
            assertEquals(instant.toString(), Timestamps.append(new StringBuilder(), instant).toString());
        }
    }
}
