package iobench.bench.metrics;

import iobench.scenario.ScenarioKind;
import iobench.bench.contender.Contender;
import java.util.Map;

/**
 * A run made by hand for a test: every part has a plain default, a test sets what it checks.
 * {@link #from} starts from an existing run, to change one figure of it.
 */
public final class RunBuilder {
    private String scenario = "s";
    private ScenarioKind kind = ScenarioKind.FAN_OUT;
    private Contender server = Contender.ASYNC;
    private int repetition = 1;
    private boolean warmup;
    private long delayMs = 100;
    private int concurrent = 1;
    private int clients = 1;
    private int requests = 1;
    private int successful;
    private int failed;
    private Map<String, Integer> errors = Map.of();
    private Map<String, String> errorSamples = Map.of();
    private long durationNs = 1_000_000_000L;
    private double serverDurationS = Double.NaN;
    private int staleRetries;
    private LatencySummary latency = latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    private RunCosts costs = RunCosts.NONE;
    private RunConditions conditions = RunConditions.UNKNOWN;
    private RateFigures rate;

    private RunBuilder() {
    }

    public static RunBuilder run(String scenario, ScenarioKind kind, Contender server) {
        RunBuilder b = new RunBuilder();
        b.scenario = scenario;
        b.kind = kind;
        b.server = server;
        return b;
    }

    public static RunBuilder from(RunResult r) {
        RunBuilder b = run(r.scenario(), r.kind(), r.server()).repetition(r.repetition()).warmup(r.warmup())
                .offered(r.delayMs(), r.concurrent(), r.clients(), r.requests())
                .outcome(r.successful(), r.failed(), r.errors()).errorSamples(r.errorSamples())
                .durationNs(r.durationNs()).serverDurationS(r.serverDurationS()).staleRetries(r.staleRetries())
                .latency(r.latency())
                .costs(r.costs()).conditions(r.conditions());
        b.rate = r.rate();
        return b;
    }

    /** Percentiles without a histogram, as a hand-made run has them. */
    public static LatencySummary latency(double p50Ms, double p90Ms, double p99Ms, double maxMs, long count) {
        return new LatencySummary(p50Ms, p90Ms, p99Ms, maxMs, count, (PackedHistogram) null);
    }

    public RunBuilder repetition(int repetition) {
        this.repetition = repetition;
        return this;
    }

    public RunBuilder warmup(boolean warmup) {
        this.warmup = warmup;
        return this;
    }

    public RunBuilder offered(long delayMs, int concurrent, int clients, int requests) {
        this.delayMs = delayMs;
        this.concurrent = concurrent;
        this.clients = clients;
        this.requests = requests;
        return this;
    }

    public RunBuilder outcome(int successful, int failed, Map<String, Integer> errors) {
        this.successful = successful;
        this.failed = failed;
        this.errors = errors;
        return this;
    }

    public RunBuilder errorSamples(Map<String, String> errorSamples) {
        this.errorSamples = errorSamples;
        return this;
    }

    public RunBuilder durationNs(long durationNs) {
        this.durationNs = durationNs;
        return this;
    }

    public RunBuilder serverDurationS(double serverDurationS) {
        this.serverDurationS = serverDurationS;
        return this;
    }

    public RunBuilder staleRetries(int staleRetries) {
        this.staleRetries = staleRetries;
        return this;
    }

    public RunBuilder latency(LatencySummary latency) {
        this.latency = latency;
        return this;
    }

    public RunBuilder costs(RunCosts costs) {
        this.costs = costs;
        return this;
    }

    public RunBuilder conditions(RunConditions conditions) {
        this.conditions = conditions;
        return this;
    }

    public RunBuilder rate(RateFigures rate) {
        this.rate = rate;
        return this;
    }

    public RunResult build() {
        return new RunResult(new RunId(scenario, kind, server, repetition, warmup),
                new Offered(delayMs, concurrent, clients, requests),
                new Outcome(successful, failed, errors, errorSamples, durationNs, serverDurationS, staleRetries),
                latency, costs, conditions, rate);
    }
}
