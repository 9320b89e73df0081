package iobench.bench.load;

import iobench.bench.Scenario;
import iobench.bench.metrics.Histograms;
import iobench.bench.metrics.LatencySummary;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.Outcome;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunResult;
import iobench.http.ServerRole;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One client request to a server's fan-out endpoint: the original's fan-out suite. */
public final class FanOutRun {
    /** Slack on top of the slowest plausible answer (every call in a row) before the client gives up. */
    static final Duration CLIENT_TIMEOUT_SLACK = Duration.ofSeconds(30);

    private FanOutRun() {
    }

    public static RunResult run(LoadClient client, URI base, ServerRole role, Scenario scenario, long delayMs,
                                int repetition, boolean warmup) {
        int k = scenario.concurrent();
        URI uri = IoTestUri.of(base, role, delayMs, k, scenario.strategy());
        HttpResult result = client.get(uri, Duration.ofMillis(delayMs * k).plus(CLIENT_TIMEOUT_SLACK));
        Histogram latency = Histograms.concurrent();
        Histograms.recordNanos(latency, result.latencyNs());

        int successful;
        int failed;
        Map<String, Integer> errors;
        Map<String, String> samples;
        double serverDurationS = Double.NaN;
        ServerAnswer answer = result.answered() ? ServerAnswer.parse(result.body()) : null;
        if (!result.answered()) {
            successful = 0;
            failed = k;
            errors = Map.of(result.errorKind().label(), 1);
            samples = Map.of(result.errorKind().label(), result.message());
        } else if (answer == null) {
            successful = 0;
            failed = k;
            errors = Map.of("http-" + result.status(), 1);
            samples = Map.of("http-" + result.status(), ClientsRun.httpMessage(result, null));
        } else {
            successful = answer.successful();
            failed = answer.failed() + Math.max(0, k - answer.successful() - answer.failed());
            errors = answer.downstreamErrors();
            samples = answer.downstreamSamples();
            serverDurationS = answer.serverDurationS();
        }
        return new RunResult(new RunId(scenario.name(), scenario.kind(), role, repetition, warmup),
                new Offered(delayMs, k, 1, 1),
                new Outcome(successful, failed, errors, samples, result.latencyNs(), serverDurationS),
                LatencySummary.of(latency), RunCosts.NONE, new RunConditions(Double.NaN, 0.0, Double.NaN), null);
    }
}
