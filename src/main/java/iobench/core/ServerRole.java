package iobench.core;

import java.util.Arrays;
import java.util.List;

/**
 * Every server iobench runs: the simulation server and the three it compares. Its label is the
 * {@code serve-*} command's suffix, the thread-name prefix and the name in reports.
 */
public enum ServerRole implements Labelled {
    /** The IO simulation server every contender calls; never benchmarked itself. */
    SIM(false),
    /** Javalin on a bounded Jetty pool: the first contender and the default baseline. */
    SYNC(true),
    ASYNC(true),
    VIRTUAL(true);

    private static final List<ServerRole> CONTENDERS = Arrays.stream(values()).filter(ServerRole::contender).toList();

    private final boolean contender;

    ServerRole(boolean contender) {
        this.contender = contender;
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
        ServerRole role = Labelled.fromLabel(ServerRole.class, label);
        return role != null && role.contender ? role : null;
    }

    /** The contenders' labels, for messages: "sync, async, virtual". */
    public static String contenderLabels() {
        return Labelled.labels(CONTENDERS);
    }
}
