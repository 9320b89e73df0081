package iobench.bench.load;

import iobench.core.ErrorKey;
import iobench.scenario.Scenario;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.Offered;
import iobench.bench.metrics.RunId;
import iobench.bench.metrics.RunRecorder;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Target;
import iobench.bench.contender.RequestValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code clients} requests started together, each making one downstream call: the original's
 * concurrent-clients suite. Every client waits at a start gate until all are ready, so the
 * requests leave together instead of one by one from a loop of starts. With more
 * {@code requests} than clients, each client sends its share one after another (a closed model);
 * for a set time, each client sends back to back until the time is over.
 */
public final class ClientsRun {
    private ClientsRun() {
    }

    /** No time limit: the run ends when its requests are sent. */
    public static final long NO_TIME_LIMIT_MS = Long.MAX_VALUE;

    /**
     * {@code requests} requests of {@code concurrent} downstream calls each, from {@code clients}
     * clients at once: the clients shape, and the warm-up rounds of every shape.
     */
    public static RunResult run(LoadClient client, Target target, Scenario scenario, long delayMs,
                                int concurrent, int clients, int requests, int repetition, boolean warmup)
            throws InterruptedException {
        return run(client, target, scenario, delayMs, concurrent, clients, requests, NO_TIME_LIMIT_MS, repetition,
                warmup);
    }

    /**
     * As {@link #run(LoadClient, Target, Scenario, long, int, int, int, int, boolean)}, but no client
     * starts a request after its first once {@code timeLimitMs} has passed since the start; {@code requests} 0: no
     * count, every client sends back to back until then. The run's requests are those sent, and its
     * duration runs to the end of the last answer (at most one request per client overruns the time).
     */
    public static RunResult run(LoadClient client, Target target, Scenario scenario, long delayMs,
                                int concurrent, int clients, int requests, long timeLimitMs, int repetition,
                                boolean warmup) throws InterruptedException {
        boolean counted = requests > 0;
        if (!counted && timeLimitMs == NO_TIME_LIMIT_MS) {
            throw new IllegalArgumentException("a clients run needs a count of requests or a time limit");
        }
        // Even a pool of one thread serves everyone within requests x calls x delay; the slack covers the rest.
        // For a time each client has one request in flight, so at most the clients' requests are ahead of one.
        Duration timeout = Duration.ofMillis(delayMs * (counted ? requests : clients) * concurrent)
                .plus(FanOutRun.CLIENT_TIMEOUT_SLACK);

        RunRecorder recorder = new RunRecorder();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] goNs = new long[1];
        AtomicInteger sent = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            int share = counted ? requests / clients + (c < requests % clients ? 1 : 0) : Integer.MAX_VALUE;
            running.add(client.threads().submit(() -> {
                ready.countDown();
                go.await();
                // How late each client's first request left after the start signal: the generator's own lag.
                recorder.sendLagNs(System.nanoTime() - goNs[0]);
                long limitNs = timeLimitMs == NO_TIME_LIMIT_MS ? Long.MAX_VALUE
                        : TimeUnit.MILLISECONDS.toNanos(timeLimitMs);
                // Every client sends at least once: a round with a sliver of time left still sends.
                for (int i = 0; i < share && (i == 0 || System.nanoTime() - goNs[0] < limitNs); i++) {
                    sent.incrementAndGet();
                    HttpResult result = client.send(target, new RequestValues(delayMs, concurrent,
                            scenario.strategy(), client.nextRequestId()), timeout);
                    recorder.latencyNs(result.latencyNs());
                    record(recorder, result, target);
                }
                return null;
            }));
        }
        ready.await();
        long startNs = System.nanoTime();
        goNs[0] = startNs;
        go.countDown();
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load thread failed", e.getCause());
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
        long durationNs = System.nanoTime() - startNs;
        RunRecorder.Snapshot figures = recorder.snapshot();
        return new RunResult(new RunId(scenario.name(), scenario.kind(), target.contender(), repetition, warmup),
                new Offered(delayMs, concurrent, clients, sent.get()), figures.outcome(durationNs), figures.latency(),
                RunCosts.NONE, new RunConditions(Double.NaN, figures.sendLagP99Ms(), Double.NaN), null);
    }

    /** One request's answer: a success, or a failure under its kind ({@link #failureOf}); its stale retry counted. */
    static void record(RunRecorder recorder, HttpResult result, Target target) {
        recorder.staleRetries(result.staleRetries());
        Failure failure = failureOf(result, target);
        if (failure == null) {
            recorder.succeeded();
        } else {
            recorder.failed(failure.kind(), failure.message());
        }
    }

    /** A failed request: its kind, as counted in the report, and what it said. */
    record Failure(ErrorKey kind, String message) {
    }

    /**
     * Null for a success; else the kind of failure and its message.
     *
     * Our servers: a 200 that is not the io-test JSON failed (a server must not look fast by
     * answering garbage); any other service: a status its {@code expect} names (by default any 2xx)
     * is a success, and an answer in our JSON is still checked for failed downstream calls.
     */
    static Failure failureOf(HttpResult result, Target target) {
        boolean strict = target.builtIn();
        if (!result.answered()) {
            return new Failure(ErrorKey.of(result.errorKind()), result.message());
        }
        ServerAnswer answer = ServerAnswer.parse(result.body());
        if (answer != null && answer.failed() > 0) {
            ErrorKey kind = answer.downstreamErrors().keySet().stream().findFirst().orElse(ErrorKey.downstream(null));
            return new Failure(kind, answer.downstreamSamples().getOrDefault(kind,
                    "the server reported " + answer.failed() + " failed downstream call(s) without a message"));
        }
        if (!strict && target.request().success(result.status())) {
            return null;
        }
        if (result.status() != 200 || answer == null) {
            return new Failure(ErrorKey.http(result.status()), httpMessage(result, answer));
        }
        return null;
    }

    /** An answer that is not a successful io-test answer, as a message: its status and the start of its body. */
    static String httpMessage(HttpResult result, ServerAnswer answer) {
        String body = result.body() == null || result.body().isBlank() ? "(empty body)" : result.body();
        return "HTTP " + result.status() + (result.status() == 200 && answer == null
                ? " but not the io-test JSON: " : ": ") + body;
    }
}
