package iobench.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The two suites of the original (one request that fans out, many clients at once), and open-model rate runs. */
public enum ScenarioKind {
    /** One client request per repetition; the server makes {@code concurrent} downstream calls. */
    FAN_OUT("fan-out"),
    /** {@code clients} requests at once, each making one downstream call. */
    CLIENTS("clients"),
    /** Requests arriving at a constant rate for a duration whatever the server does (an open model). */
    RATE("rate");

    private final String label;

    ScenarioKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ScenarioKind fromLabel(String label) {
        for (ScenarioKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }

    public static String labels() {
        return Arrays.stream(values()).map(ScenarioKind::label).collect(Collectors.joining(", "));
    }
}
