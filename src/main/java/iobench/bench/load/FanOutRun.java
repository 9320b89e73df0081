package iobench.bench.load;

import iobench.bench.FanOutScenario;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunRecorder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.net.URI;
import java.time.Duration;

/** One client request to a server's fan-out endpoint: the original's fan-out suite. */
public final class FanOutRun {
    /** Slack on top of the slowest plausible answer (every call in a row) before the client gives up. */
    static final Duration CLIENT_TIMEOUT_SLACK = Duration.ofSeconds(30);

    private FanOutRun() {
    }

    public static RunResult run(LoadClient client, URI base, Contender role, FanOutScenario scenario, long delayMs,
                                int repetition, boolean warmup) {
        int k = scenario.concurrent();
        URI uri = IoTestUri.of(base, role, delayMs, k, scenario.strategy());
        HttpResult result = client.get(uri, Duration.ofMillis(delayMs * k).plus(CLIENT_TIMEOUT_SLACK));
        RunRecorder recorder = new RunRecorder();
        recorder.latencyNs(result.latencyNs());
        record(recorder, result, k);
        RunRecorder.Snapshot figures = recorder.snapshot();
        return new RunResult(new RunId(scenario.name(), scenario.kind(), role, repetition, warmup),
                new Offered(delayMs, k, 1, 1), figures.outcome(result.latencyNs()), figures.latency(), RunCosts.NONE,
                new RunConditions(Double.NaN, 0.0, Double.NaN), null);
    }

    /**
     * The fan-out's calls, counted one by one from the server's answer; a request without a
     * usable answer failed all {@code k} of them, once under its kind.
     */
    private static void record(RunRecorder recorder, HttpResult result, int k) {
        if (!result.answered()) {
            recorder.failed(k);
            recorder.error(result.errorKind().label(), 1, result.message());
            return;
        }
        ServerAnswer answer = ServerAnswer.parse(result.body());
        if (answer == null) {
            recorder.failed(k);
            recorder.error("http-" + result.status(), 1, ClientsRun.httpMessage(result, null));
            return;
        }
        recorder.succeeded(answer.successful());
        // Calls the answer does not account for (neither successful nor failed) count as failed.
        recorder.failed(answer.failed() + Math.max(0, k - answer.successful() - answer.failed()));
        recorder.serverErrors(answer.downstreamErrors(), answer.downstreamSamples());
        recorder.serverDurationS(answer.serverDurationS());
    }
}
