package iobench.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every server iobench runs: the simulation server and the three it compares. Its label is the
 * {@code serve-*} command's suffix, the thread-name prefix and the name in reports.
 */
public enum ServerRole {
    /** The IO simulation server every contender calls; never benchmarked itself. */
    SIM("sim", false),
    /** Javalin on a bounded Jetty pool: the first contender and the default baseline. */
    SYNC("sync", true),
    ASYNC("async", true),
    VIRTUAL("virtual", true);

    private static final List<ServerRole> CONTENDERS = Arrays.stream(values()).filter(ServerRole::contender).toList();

    private final String label;
    private final boolean contender;

    ServerRole(String label, boolean contender) {
        this.label = label;
        this.contender = contender;
    }

    public String label() {
        return label;
    }

    /** Whether a benchmark compares this server (all but the sim). */
    public boolean contender() {
        return contender;
    }

    /** The servers a benchmark compares, in order: sync, async, virtual. */
    public static List<ServerRole> contenders() {
        return CONTENDERS;
    }

    /** The contender with this label (any case), or null: the sim is not one. */
    public static ServerRole contenderFromLabel(String label) {
        for (ServerRole role : CONTENDERS) {
            if (role.label.equals(label.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    /** The contenders' labels, for messages: "sync, async, virtual". */
    public static String contenderLabels() {
        return CONTENDERS.stream().map(ServerRole::label).collect(Collectors.joining(", "));
    }
}
