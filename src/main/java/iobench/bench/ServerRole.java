package iobench.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The servers a benchmark compares. {@link #SYNC} is the baseline every speedup is taken against. */
public enum ServerRole {
    SYNC("sync"),
    ASYNC("async"),
    VIRTUAL("virtual");

    private final String label;

    ServerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ServerRole fromLabel(String label) {
        for (ServerRole role : values()) {
            if (role.label.equals(label.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    public static String labels() {
        return Arrays.stream(values()).map(ServerRole::label).collect(Collectors.joining(", "));
    }
}
