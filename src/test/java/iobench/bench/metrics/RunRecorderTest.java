package iobench.bench.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ErrorKey;
import iobench.core.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** One recorder per run, recorded into from many threads; a snapshot is the run's figures, fixed. */
class RunRecorderTest {
    @Test
    void manyThreadsRecordEveryRequestOnce() throws InterruptedException {
        RunRecorder recorder = new RunRecorder();
        int threads = 8;
        int each = 1_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    recorder.latencyNs(1_000_000L * (1 + i % 10));
                    if (i % 100 == 0) {
                        recorder.failed(ErrorKey.of(ErrorKind.TIMEOUT), "SocketTimeoutException: timeout " + i);
                    } else {
                        recorder.succeeded();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : started) {
            t.join();
        }
        RunRecorder.Snapshot figures = recorder.snapshot();
        assertAll(
                () -> assertEquals(threads * each, figures.latency().count()),
                () -> assertEquals(threads * (each - 10), figures.successful()),
                () -> assertEquals(threads * 10, figures.failed()),
                () -> assertEquals(Map.of("timeout", threads * 10), figures.errors()),
                () -> assertTrue(figures.errorSamples().get("timeout").startsWith("SocketTimeoutException: timeout")),
                () -> assertEquals(10.0, figures.latency().maxMs(), 0.01),
                () -> assertEquals(0, figures.serviceTime().count(), "no rate run, no service time"),
                () -> assertTrue(Double.isNaN(figures.sendLagP99Ms()), "nothing sent late: no lag figure"));
    }

    @Test
    void aServersTallyKeepsItsCountsAndOnlyTheMessagesItGave() {
        RunRecorder recorder = new RunRecorder();
        recorder.succeeded(7);
        recorder.failed(3);
        ErrorKey refused = ErrorKey.downstream(ErrorKind.REFUSED);
        recorder.serverErrors(Map.of(refused, 2, ErrorKey.downstream(ErrorKind.TIMEOUT), 1),
                Map.of(refused, "ConnectException:\n Connection refused"));
        recorder.serverDurationS(1.25);

        Outcome outcome = recorder.snapshot().outcome(2_000_000_000L);

        assertAll(
                () -> assertEquals(7, outcome.successful()),
                () -> assertEquals(3, outcome.failed()),
                () -> assertEquals(Map.of("downstream-refused", 2, "downstream-timeout", 1), outcome.errors()),
                () -> assertEquals(Map.of("downstream-refused", "ConnectException: Connection refused"),
                        outcome.errorSamples()),
                () -> assertEquals(3.5, outcome.throughputRps(), 1e-9),
                () -> assertEquals(1.25, outcome.serverDurationS()));
    }

    @Test
    void aSnapshotDoesNotChangeWhenRecordingGoesOn() {
        RunRecorder recorder = new RunRecorder();
        recorder.failed(ErrorKey.of(ErrorKind.REFUSED), "ConnectException");
        recorder.latencyNs(5_000_000);
        recorder.sendLagNs(2_000_000);
        RunRecorder.Snapshot before = recorder.snapshot();

        recorder.failed(ErrorKey.of(ErrorKind.REFUSED), "another");
        recorder.latencyNs(9_000_000);

        assertAll(
                () -> assertEquals(1, before.failed()),
                () -> assertEquals(Map.of("refused", 1), before.errors()),
                () -> assertEquals(1, before.latency().count()),
                () -> assertEquals(1, before.latency().histogramMicros().getTotalCount()),
                () -> assertEquals(2.0, before.sendLagP99Ms(), 0.01),
                () -> assertEquals(2, recorder.snapshot().failed()));
    }
}
