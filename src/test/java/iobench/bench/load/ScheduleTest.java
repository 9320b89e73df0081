package iobench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schedule is arithmetic only: exact nanoseconds, no clock, no sleeping. */
class ScheduleTest {
    @Test
    void requestNIsDueAtStartPlusNTimesTheIntervalExactly() {
        Schedule s = new Schedule(1_000, 4);
        assertEquals(1_000, s.intendedNs(0));
        assertEquals(1_000 + 250_000_000L, s.intendedNs(1));
        assertEquals(1_000 + 750_000_000L, s.intendedNs(3));
        assertEquals(1_000 + 1_000_000_000L, s.intendedNs(4));
        assertEquals(1_000 + 2_500_000_000L, s.intendedNs(10));
    }

    @Test
    void aRateThatDoesNotDivideASecondRoundsEachTimeDownWithoutDrift() {
        Schedule s = new Schedule(0, 3);
        assertEquals(0, s.intendedNs(0));
        assertEquals(333_333_333L, s.intendedNs(1));
        assertEquals(666_666_666L, s.intendedNs(2));
        assertEquals(1_000_000_000L, s.intendedNs(3));
        // After a million seconds the error is still below a nanosecond, not a million of them.
        assertEquals(1_000_000L * 1_000_000_000L + 333_333_333L, s.intendedNs(3_000_001));
        Schedule fast = new Schedule(0, 7_919);
        for (long n = 0; n < 100_000; n++) {
            assertEquals(java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                    .divide(java.math.BigInteger.valueOf(7_919)).longValueExact(), fast.intendedNs(n), "n = " + n);
        }
    }

    @Test
    void theScheduleDoesNotDependOnTheClockItIsAskedAt() {
        Schedule s = new Schedule(-5_000_000_000L, 10_000);
        assertEquals(-5_000_000_000L + 100_000, s.intendedNs(1));
        assertEquals(-5_000_000_000L + 10_000_000_000L, s.endNs(10_000));
    }

    @Test
    void theCountIsTheRequestsDueInsideTheDuration() {
        assertEquals(500, Schedule.count(100, 5_000));
        assertEquals(1, Schedule.count(1, 1));
        assertEquals(1, Schedule.count(1, 1_000), "due at 0 only; the next is due at the end, outside");
        assertEquals(2, Schedule.count(1, 1_001));
        assertEquals(0, Schedule.count(50, 0));
        assertEquals(34, Schedule.count(3, 11_001));
        assertEquals(6_000_000, Schedule.count(10_000, 600_000));
        // Every request counted is due before the end; the next one is not.
        Schedule s = new Schedule(0, 7);
        long count = Schedule.count(7, 2_345);
        assertEquals(true, s.intendedNs(count - 1) < s.endNs(2_345));
        assertEquals(true, s.intendedNs(count) >= s.endNs(2_345));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 1).intendedNs(-1));
        assertThrows(IllegalArgumentException.class, () -> Schedule.count(0, 100));
    }
}
