package iobench.bench;

import iobench.http.ServerRole;
import iobench.sim.IoProfile;
import java.util.List;

/**
 * One scenario of the scenario file, validated.
 *
 * @param concurrent   downstream calls per request (fan-out); 1 for clients
 * @param clients      requests in flight at once (clients); 1 for fan-out
 * @param requests     requests per repetition (clients; at least {@code clients}); 1 for fan-out
 * @param strategy     how the blocking servers fan out: sequential or parallel
 * @param simProfile   the sim-wide profile (delays, faults) the sim is set to for this scenario; null: none
 * @param rate         kind rate: the rates, duration and SLO; null for the other kinds
 */
public record Scenario(
        String name,
        ScenarioKind kind,
        long delayMs,
        int concurrent,
        int clients,
        int requests,
        int repetitions,
        List<ServerRole> servers,
        String strategy,
        IoProfile simProfile,
        RateSpec rate) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (delayMs < 0 || concurrent < 1 || clients < 1 || requests < clients || repetitions < 1) {
            throw new IllegalArgumentException("scenario " + name + " has out-of-range numbers");
        }
        servers = List.copyOf(servers);
    }

    public Scenario(String name, ScenarioKind kind, long delayMs, int concurrent, int clients, int requests,
                    int repetitions, List<ServerRole> servers, String strategy, IoProfile simProfile) {
        this(name, kind, delayMs, concurrent, clients, requests, repetitions, servers, strategy, simProfile, null);
    }

    /** Measured runs per server and repetition: the steps of a rate staircase, else 1. */
    public int steps() {
        return rate == null ? 1 : rate.rates().size();
    }

    /** This scenario at one step of its staircase, sending for {@code durationMs}. */
    public Scenario atRate(int ratePerS, long durationMs) {
        return new Scenario(name, kind, delayMs, concurrent, clients, requests, repetitions, servers, strategy,
                simProfile, rate.step(ratePerS, durationMs));
    }

    /** A scenario with the sim as it is: fixed delays, no faults. */
    public Scenario(String name, ScenarioKind kind, long delayMs, int concurrent, int clients, int requests,
                    int repetitions, List<ServerRole> servers, String strategy) {
        this(name, kind, delayMs, concurrent, clients, requests, repetitions, servers, strategy, null);
    }

    /** The delay in seconds, as the servers' query parameter takes it. */
    public double delaySeconds() {
        return delayMs / 1000.0;
    }
}
