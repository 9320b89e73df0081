package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.bench.contender.TargetModel;
import org.junit.jupiter.api.Test;

/** What check says of a burst's reading against each model; the burst's duration picks the waves. */
class ConcurrencyFitTest {
    private static TargetProbe.Concurrency burst(int sent, double seconds) {
        return new TargetProbe.Concurrency(sent, sent, 500, seconds);
    }

    @Test
    void aPoolIsJudgedByItsOwnWavesNotByItsThreadCount() {
        // 50 through 8 threads: 7 waves, 7.1 at once
        assertEquals("fits its model", ConcurrencyFit.of(TargetModel.POOL, 8, burst(50, 3.5)));
        // Gunicorn's 8 threads holding about 3: 17 waves
        assertEquals("fewer than its 8 threads", ConcurrencyFit.of(TargetModel.POOL, 8, burst(50, 8.5)));
        // 10 threads where the model says 8: 5 waves
        assertEquals("more than its 8 threads", ConcurrencyFit.of(TargetModel.POOL, 8, burst(50, 2.5)));
        // 50 through 40 threads is 2 waves, 25 at once: what the model says, not fewer than 40
        assertEquals("fits its model", ConcurrencyFit.of(TargetModel.POOL, 40, burst(50, 1.0)));
        // a pool larger than the burst should hold all of it
        assertEquals("fewer than the burst", ConcurrencyFit.of(TargetModel.POOL, 200, burst(50, 1.0)));
    }

    @Test
    void asyncAndVirtualHoldTheWholeBurst() {
        assertEquals("fits its model", ConcurrencyFit.of(TargetModel.ASYNC, 0, burst(50, 0.6)));
        // set-up and a busy machine add time, never a wave less: 0.9 s is one wave of 0.5 s, late
        assertEquals("fits its model", ConcurrencyFit.of(TargetModel.ASYNC, 0, burst(50, 0.9)));
        assertEquals("fewer than the burst", ConcurrencyFit.of(TargetModel.VIRTUAL, 0, burst(50, 1.0)));
        assertEquals("no model", ConcurrencyFit.of(null, 0, burst(50, 1.0)));
    }
}
