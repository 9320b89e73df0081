package iobench.scenario;

import iobench.bench.contender.Contender;
import iobench.core.Strategy;
import iobench.sim.IoProfile;
import java.util.List;

/**
 * One scenario of the scenario file, validated: a {@link FanOutScenario}, a {@link ClientsScenario}
 * or a {@link RateScenario}, each with only the figures its kind has. Code that differs by kind
 * matches on the type ({@code switch (scenario) { case FanOutScenario f -> ... }}), once per concern.
 */
public sealed interface Scenario permits FanOutScenario, ClientsScenario, RateScenario {

    /**
     * What every kind of scenario has.
     *
     * @param delayMs    the delay each downstream call asks for (a profile's nominal delay when it has one)
     * @param strategy   how the blocking servers fan out, sequential or parallel; sent with every kind's
     *                   requests (a clients request's one call goes through it too)
     * @param simProfile the sim-wide profile (delays, faults) the sim is set to for this scenario; null: none
     */
    record Common(String name, long delayMs, int repetitions, List<Contender> servers, Strategy strategy,
                  IoProfile simProfile) {
        public Common {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is blank");
            }
            if (delayMs < 0) {
                throw new IllegalArgumentException("scenario " + name + ": delayMs " + delayMs + " is below 0");
            }
            if (repetitions < 1) {
                throw new IllegalArgumentException("scenario " + name + ": repetitions " + repetitions
                        + " is below 1");
            }
            if (servers == null || servers.isEmpty()) {
                throw new IllegalArgumentException("scenario " + name + ": servers " + servers + " is empty");
            }
            servers = List.copyOf(servers);
            if (strategy == null) {
                throw new IllegalArgumentException("scenario " + name + ": strategy is null");
            }
        }
    }

    Common common();

    /** The label the file and the reports use: fan-out, clients or rate. */
    ScenarioKind kind();

    default String name() {
        return common().name();
    }

    default long delayMs() {
        return common().delayMs();
    }

    default int repetitions() {
        return common().repetitions();
    }

    default List<Contender> servers() {
        return common().servers();
    }

    default Strategy strategy() {
        return common().strategy();
    }

    default IoProfile simProfile() {
        return common().simProfile();
    }

    /** The delay in seconds, as the servers' query parameter takes it. */
    default double delaySeconds() {
        return delayMs() / 1000.0;
    }

    /** What one repetition runs against each server, in order: the scenario itself, or a staircase's steps. */
    default List<? extends Scenario> measuredSteps() {
        return List.of(this);
    }

    /** Measured runs per server and repetition. */
    default int steps() {
        return measuredSteps().size();
    }
}
