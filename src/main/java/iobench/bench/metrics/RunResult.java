package iobench.bench.metrics;

import iobench.scenario.ScenarioKind;
import iobench.bench.contender.Contender;
import java.util.Map;

/**
 * One measured (or warm-up) run of one scenario against one server.
 *
 * @param id         what ran
 * @param offered    what the run asked of the server
 * @param outcome    what came back, and how long it took
 * @param latency    per request; rate runs: corrected, from each request's intended send time
 * @param costs      what the run cost the server ({@link RunCosts#NONE} until measured)
 * @param conditions what the machine and the load generator were doing ({@link RunConditions#UNKNOWN} until known)
 * @param rate       rate runs: the offered rate, uncorrected latency and the generator's
 *                   self-check; null otherwise
 */
public record RunResult(RunId id, Offered offered, Outcome outcome, LatencySummary latency, RunCosts costs,
                        RunConditions conditions, RateFigures rate) {

    public RunResult with(RunCosts newCosts, RunConditions newConditions) {
        return new RunResult(id, offered, outcome, latency, newCosts, newConditions, rate);
    }

    /**
     * This segment's share of a run and another's, added into the run one generator would have
     * recorded: each part adds its own (histograms added, counts summed, the worst generator's
     * conditions). Throws IllegalArgumentException naming the run when a share has no histogram.
     */
    public RunResult add(RunResult other) {
        try {
            return new RunResult(id, offered.add(other.offered), outcome.add(other.outcome),
                    latency.add(other.latency), costsAdded(other), conditions.add(other.conditions),
                    rate == null ? null : sendingRate().add(other.sendingRate(), delayMs()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run '" + scenario() + "' " + server().label()
                    + " has no histogram to add", e);
        }
    }

    /**
     * Per-call costs are the server's over the run's calls. Where one share alone sent the run (a
     * fan-out), its figures are the run's; where several did, each saw the server serve them all,
     * so no share's figure is per call of the run: none. (Segments against external servers
     * meter nothing anyway.)
     */
    private RunCosts costsAdded(RunResult other) {
        if (sentNothing()) {
            return other.sentNothing() ? RunCosts.NONE : other.costs;
        }
        return other.sentNothing() ? costs : RunCosts.NONE;
    }

    private RateFigures sendingRate() {
        return sentNothing() ? rate.idle() : rate;
    }

    /** A segment's share with nothing in it (a fan-out's one request is segment 1's): 0 requests, none answered. */
    public boolean sentNothing() {
        return requests() == 0 && successful() == 0 && failed() == 0;
    }

    // The flat names every reader of a run (the report classes, the runner, the bench command) uses,
    // each one of the parts' figures: a reader need not know which part holds it.

    public String scenario() {
        return id.scenario();
    }

    public ScenarioKind kind() {
        return id.kind();
    }

    public Contender server() {
        return id.server();
    }

    public int repetition() {
        return id.repetition();
    }

    public boolean warmup() {
        return id.warmup();
    }

    public long delayMs() {
        return offered.delayMs();
    }

    public int concurrent() {
        return offered.concurrent();
    }

    public int clients() {
        return offered.clients();
    }

    public int requests() {
        return offered.requests();
    }

    public int calls() {
        return offered.calls();
    }

    public int successful() {
        return outcome.successful();
    }

    public int failed() {
        return outcome.failed();
    }

    public Map<String, Integer> errors() {
        return outcome.errors();
    }

    public Map<String, String> errorSamples() {
        return outcome.errorSamples();
    }

    public long durationNs() {
        return outcome.durationNs();
    }

    public double durationS() {
        return outcome.durationS();
    }

    public double throughputRps() {
        return outcome.throughputRps();
    }

    public int staleRetries() {
        return outcome.staleRetries();
    }

    public double serverDurationS() {
        return outcome.serverDurationS();
    }
}
