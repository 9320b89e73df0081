package iobench.bench.load;

import iobench.core.ErrorKey;
import iobench.scenario.FanOutScenario;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunRecorder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Target;
import iobench.bench.contender.RequestValues;
import java.time.Duration;

/** One client request to a server's fan-out endpoint: the original's fan-out suite. */
public final class FanOutRun {
    /** Slack on top of the slowest plausible answer (every call in a row) before the client gives up. */
    static final Duration CLIENT_TIMEOUT_SLACK = Duration.ofSeconds(30);

    private FanOutRun() {
    }

    public static RunResult run(LoadClient client, Target target, FanOutScenario scenario, long delayMs,
                                int repetition, boolean warmup) {
        int k = scenario.concurrent();
        HttpResult result = client.send(target, new RequestValues(delayMs, k, scenario.strategy(),
                client.nextRequestId()), Duration.ofMillis(delayMs * k).plus(CLIENT_TIMEOUT_SLACK));
        RunRecorder recorder = new RunRecorder();
        recorder.latencyNs(result.latencyNs());
        recorder.staleRetries(result.staleRetries());
        record(recorder, result, k, target);
        RunRecorder.Snapshot figures = recorder.snapshot();
        return new RunResult(new RunId(scenario.name(), scenario.kind(), target.contender(), repetition, warmup),
                new Offered(delayMs, k, 1, 1), figures.outcome(result.latencyNs()), figures.latency(), RunCosts.NONE,
                new RunConditions(Double.NaN, 0.0, Double.NaN), null);
    }

    /**
     * The fan-out's calls, counted one by one from the server's answer; a request without a
     * usable answer failed all {@code k} of them, once under its kind. Another service's answer
     * need not be our JSON ({@code strict} false): a 2xx without it counts the request's {@code k}
     * calls as done, and the run has no server duration (the report says its figures are the
     * client's alone). An answer whose counts exceed the {@code k} calls asked failed.
     */
    private static void record(RunRecorder recorder, HttpResult result, int k, Target target) {
        boolean strict = target.builtIn();
        if (!result.answered()) {
            recorder.failed(k);
            recorder.error(ErrorKey.of(result.errorKind()), 1, result.message());
            return;
        }
        ServerAnswer answer = ServerAnswer.parse(result.body());
        if (answer == null && !strict && target.request().success(result.status())) {
            recorder.succeeded(k);
            return;
        }
        if (answer == null) {
            recorder.failed(k);
            recorder.error(ErrorKey.http(result.status()), 1, ClientsRun.httpMessage(result, null));
            return;
        }
        // Another service's counts are believed only within the k calls asked: more (or a negative
        // count) would inflate calls/s, so such an answer fails the request like any unusable one.
        long accounted = (long) answer.successful() + answer.failed();
        if (answer.successful() < 0 || answer.failed() < 0 || accounted > k) {
            recorder.failed(k);
            recorder.error(ErrorKey.http(result.status()), 1, "HTTP " + result.status() + " but its results count "
                    + answer.successful() + " successful and " + answer.failed() + " failed calls, " + accounted
                    + " of the " + k + " asked; expected counts from 0 that add up to at most " + k);
            return;
        }
        recorder.succeeded(answer.successful());
        // Calls the answer does not account for (neither successful nor failed) count as failed.
        recorder.failed(answer.failed() + Math.max(0, k - answer.successful() - answer.failed()));
        recorder.serverErrors(answer.downstreamErrors(), answer.downstreamSamples());
        recorder.serverDurationS(answer.serverDurationS());
    }
}
