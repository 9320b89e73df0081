package iobench.bench;

/**
 * The label of a scenario's kind, as the file, the reports and each run's figures spell it. The
 * kinds themselves are the {@link Scenario} types; this only names them.
 */
public enum ScenarioKind {
    FAN_OUT("fan-out"),
    CLIENTS("clients"),
    RATE("rate");

    private final String label;

    ScenarioKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
