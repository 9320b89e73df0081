package iobench.bench.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rate run measured beyond the usual figures, and how the load generator itself did.
 * The run's {@code latency} is the corrected one (from each request's intended send time);
 * {@code uncorrected} is what a tool that times from the actual send would report.
 *
 * @param offeredRps     the rate the schedule sent at
 * @param uncorrected    latency from the actual send (after waiting for a connection, if any)
 * @param dispatchLag    how late, behind its intended time, each request was handed to its thread:
 *                       the generator's own lag (connection waits are not in it)
 * @param dropped        requests never sent because the generator's in-flight cap was reached
 * @param connections    connections asked ({@code 0}: no limit but the in-flight cap)
 * @param peakInFlight   the most requests on the wire at once (the connections achieved)
 * @param neededInFlight what the rate needs at the nominal delay: rate x delay, rounded up
 */
public record RateFigures(int offeredRps, LatencySummary uncorrected, LatencySummary dispatchLag, int dropped,
                          int connections, int peakInFlight, int neededInFlight) {
    /** Above this share of all cores busy, the machine (and so the generator) was the limit. */
    public static final double SATURATED_CPU_PCT = 95;
    /** The generator may send this late at p99 before its run stops counting, or 10 % of the delay if more. */
    public static final double MAX_LAG_MS = 10;

    public static double maxLagMs(long delayMs) {
        return Math.max(MAX_LAG_MS, delayMs * 0.1);
    }

    /**
     * Why the load generator, not the server, was the limit of a rate run, or null when it was not:
     * its p99 send lag over {@link #maxLagMs}, a saturated machine, dropped requests, or fewer
     * connections than the rate needs.
     */
    public String generatorLimit(RunConditions conditions, long delayMs) {
        List<String> why = new ArrayList<>();
        double lag = conditions.loadgenLagP99Ms();
        if (lag > maxLagMs(delayMs)) {
            why.add(String.format(Locale.ROOT, "sends p99 %.1f ms behind schedule, over %.0f ms", lag, maxLagMs(delayMs)));
        }
        if (conditions.machineCpuPct() >= SATURATED_CPU_PCT) {
            why.add(String.format(Locale.ROOT, "the machine was %.0f %% busy", conditions.machineCpuPct()));
        }
        if (dropped > 0) {
            why.add(dropped + " requests dropped at the in-flight cap");
        }
        if (connectionLimited()) {
            why.add(connections + " connections asked, the rate needs " + neededInFlight);
        }
        return why.isEmpty() ? null : "the load generator was the limit (" + String.join("; ", why) + ")";
    }

    /** Fewer connections asked than the rate needs: the generator, not the server, held the requests back. */
    private boolean connectionLimited() {
        return connections > 0 && connections < neededInFlight;
    }

    /**
     * Two segments' shares of one rate run at {@code delayMs}: rates, drops and connections summed,
     * the latencies added. The peaks are summed too: they need not coincide, so the sum is an upper
     * bound of the union's. What the rate needs is computed from the summed rate, as one generator
     * computes it (the shares' ceilings, each rounded up from a fraction of the rate, would sum to
     * more: 3 x 1 for 1); a share that had fewer connections than it needed keeps the run so.
     * A share that sent nothing is added as {@link #idle()}.
     */
    public RateFigures add(RateFigures other, long delayMs) {
        int offered = offeredRps + other.offeredRps;
        int conns = connections + other.connections;
        int needed = (int) Math.max(1, Math.ceil(offered * delayMs / 1000.0));
        if ((connectionLimited() || other.connectionLimited()) && conns >= needed) {
            // The sums alone would hide the share that was short of connections.
            needed = conns + 1;
        }
        return new RateFigures(offered, uncorrected.add(other.uncorrected), dispatchLag.add(other.dispatchLag),
                dropped + other.dropped, conns, peakInFlight + other.peakInFlight, needed);
    }

    /**
     * A share with nothing to send: it opened no connection and needed none, whatever its
     * per-segment minimum of one says.
     */
    public RateFigures idle() {
        return new RateFigures(offeredRps, uncorrected, dispatchLag, dropped, 0, 0, neededInFlight);
    }
}
