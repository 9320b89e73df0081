package iobench.bench.warmup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady-state rule on made-up series: no server, no sleeping. */
class SteadyStateTest {
    private static final long CALLS = 400;

    /** Rounds of {@code msPerRound} each, the JIT's total after each round given. */
    private static List<SteadyState.Round> series(double[] msPerRound, double[] jitTotalMs) {
        List<SteadyState.Round> rounds = new ArrayList<>();
        double jitBefore = 0;
        for (int i = 0; i < msPerRound.length; i++) {
            rounds.add(new SteadyState.Round(CALLS, (long) (msPerRound[i] * 1e6), jitBefore, jitTotalMs[i]));
            jitBefore = jitTotalMs[i];
        }
        return rounds;
    }

    @Test
    void fewerRoundsThanTheWindowAreNeverSteady() {
        assertFalse(SteadyState.steady(series(new double[] {100, 100}, new double[] {0, 0})));
        assertFalse(SteadyState.steady(List.of()));
    }

    @Test
    void roundsThatAgreeWithAQuietJitAreSteady() {
        assertTrue(SteadyState.steady(series(new double[] {900, 400, 101, 100, 99},
                new double[] {5000, 7000, 7002, 7005, 7010})));
    }

    @Test
    void aJitStillCompilingKeepsAServerWarmingEvenWhenItsRoundsAgree() {
        // 300 ms of rounds, 90 ms of compilation: over 20 ms and over 5 % of 300 ms
        assertFalse(SteadyState.steady(series(new double[] {100, 100, 100}, new double[] {1000, 1040, 1090})));
    }

    @Test
    void aLittleCompilationInALongWindowStillCounts() {
        // the last 3 s of rounds, 120 ms of compilation: under 5 % of the window
        assertTrue(SteadyState.steady(series(new double[] {1000, 1000, 1000, 1000},
                new double[] {500, 540, 580, 620})));
    }

    @Test
    void aServerInAJvmOfItsOwnMustCompileLessThanOnePercentOfTheWindow() {
        // the same 3 s window and 120 ms (4 %): steady for a shared JIT, not for a server's own
        List<SteadyState.Round> compiling = series(new double[] {1000, 1000, 1000, 1000}, new double[] {500, 540, 580, 620});
        assertTrue(SteadyState.steady(compiling, SteadyState.JIT_QUIET_SHARE));
        assertFalse(SteadyState.steady(compiling, JitClock.OWN_JVM_QUIET_SHARE));
        // 25 ms in 3 s: under 1 %
        assertTrue(SteadyState.steady(series(new double[] {1000, 1000, 1000, 1000}, new double[] {500, 508, 517, 525}),
                JitClock.OWN_JVM_QUIET_SHARE));
    }

    @Test
    void roundsThatStillSpeedUpAreNotSteadyEvenWithAQuietJit() {
        assertFalse(SteadyState.steady(series(new double[] {300, 200, 120}, new double[] {0, 0, 0})));
    }

    @Test
    void withoutAJitClockOnlyTheAgreementCounts() {
        double[] unknown = {Double.NaN, Double.NaN, Double.NaN};
        assertTrue(SteadyState.steady(series(new double[] {100, 110, 95}, unknown)));
        assertFalse(SteadyState.steady(series(new double[] {100, 140, 95}, unknown)));
    }

    @Test
    void onlyTheLastWindowCounts() {
        assertTrue(SteadyState.steady(series(new double[] {5000, 3000, 100, 100, 100},
                new double[] {0, 9000, 9010, 9015, 9020})));
    }
}
