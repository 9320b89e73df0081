package iobench.scenario;

import iobench.core.Labelled;

/**
 * The label of a scenario's kind, as the file, the reports and each run's figures spell it. The
 * kinds themselves are the {@link Scenario} types; this only names them.
 */
public enum ScenarioKind implements Labelled {
    FAN_OUT,
    CLIENTS,
    RATE
}
