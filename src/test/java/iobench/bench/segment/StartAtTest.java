package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartAtTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void readsAnInstantOrATimeFromNowAndKeepsTheValueAsGiven() {
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), StartAt.parse("2026-11-30T10:00:00Z", NOW).instant());
        assertEquals(NOW.plusSeconds(30), StartAt.parse("+30s", NOW).instant());
        assertEquals(NOW.plusSeconds(120), StartAt.parse("+2m", NOW).instant());
        assertEquals("+30s", StartAt.parse("+30s", NOW).given());
    }

    /** Three JVMs launched together read their arguments hundreds of ms apart; their launch instants agree. */
    @Test
    void aTimeFromNowCountsFromTheProcessStartUnlessThatHasPassed() {
        Instant launched = NOW.minusMillis(700);
        assertEquals(launched.plusSeconds(10), StartAt.parse("+10s", NOW, launched).instant());
        assertEquals(launched.plusSeconds(10), StartAt.parse("+10s", NOW.plusMillis(450), launched).instant(),
                "a JVM that took longer to load starts at the same instant");
        Instant longAgo = NOW.minusSeconds(600);
        assertEquals(NOW.plusSeconds(10), StartAt.parse("+10s", NOW, longAgo).instant(),
                "a process up for longer than the offset (bench inside another program) counts from now");
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), StartAt.parse("2026-11-30T10:00:00Z", NOW, launched)
                .instant(), "an instant is an instant");
    }

    @Test
    void aStartAlreadyPastIsAWarningSayingHowLateNotARefusal() {
        StartAt start = StartAt.parse("2026-11-30T08:59:57.500Z", NOW);
        assertEquals("warning: --start-at 2026-11-30T08:59:57.500Z (2026-11-30T08:59:57.500Z) has passed: this "
                + "segment starts 2500 ms late; the merge flags runs whose segments began over a second apart",
                start.lateWarning(NOW));
        assertEquals(null, StartAt.parse("+30s", NOW).lateWarning(NOW));
        assertEquals(null, start.lateWarning(start.instant()), "exactly on time is not late");
    }

    @Test
    void refusesAnythingElseNamingTheValueAndTheForm() {
        for (String bad : new String[] {"tomorrow", "30s", "+30", "+-3s", "2026-11-30 10:00", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartAt.parse(bad, NOW));
            assertTrue(e.getMessage().startsWith("--start-at " + bad + " is not usable; expected an ISO-8601 instant"),
                    e.getMessage());
        }
    }

    @Test
    void waitsUntilTheInstantAndNotLonger() throws InterruptedException {
        Instant at = Instant.now().plusMillis(300);
        new StartAt("+300ms", at).await();
        long lateMs = Instant.now().toEpochMilli() - at.toEpochMilli();
        assertTrue(lateMs >= 0 && lateMs < 1_000, "woke " + lateMs + " ms after the start time");
    }
}
