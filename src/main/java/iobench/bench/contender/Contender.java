package iobench.bench.contender;

import iobench.core.ServerRole;
import java.util.List;

/**
 * Who a run measured, by the name every report shows: one of our servers (sync, async, virtual)
 * or a target the scenario file or {@code --target} names. Results, analysis and reports are keyed
 * by it; {@link ServerRole} remains what starts our servers and the sim.
 */
public record Contender(String name) implements Comparable<Contender> {
    public static final Contender SYNC = new Contender("sync");
    public static final Contender ASYNC = new Contender("async");
    public static final Contender VIRTUAL = new Contender("virtual");
    private static final List<Contender> BUILT_IN = List.of(SYNC, ASYNC, VIRTUAL);
    /** BUILT_IN's servers, in its order. */
    private static final List<ServerRole> BUILT_IN_ROLES =
            BUILT_IN.stream().map(c -> ServerRole.contenderFromLabel(c.name)).toList();

    public Contender {
        if (name == null || !Target.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not allowed as a contender name");
        }
    }

    public static Contender of(ServerRole role) {
        if (!role.contender()) {
            throw new IllegalArgumentException(role.label() + " is not a contender");
        }
        return new Contender(role.label());
    }

    /** Our three servers, in the order reports have always listed them. */
    public static List<Contender> builtIns() {
        return BUILT_IN;
    }

    /** The name in reports and results.csv. */
    public String label() {
        return name;
    }

    /**
     * Our server of this name (any case), or null for a named target. The load generator asks for
     * every answer (is it ours, to be checked strictly?): no stream and no lower-cased labels per
     * call. Names are ASCII ({@link Target#NAME}), so ignoring case here is the label's any case.
     */
    public ServerRole builtIn() {
        for (int i = 0; i < BUILT_IN.size(); i++) {
            if (BUILT_IN.get(i).name.equalsIgnoreCase(name)) {
                return BUILT_IN_ROLES.get(i);
            }
        }
        return null;
    }

    public boolean isBuiltIn() {
        return builtIn() != null;
    }

    /** runs.json's spelling: our servers as they were always written (SYNC), a named target by its name. */
    public String jsonName() {
        ServerRole role = builtIn();
        return role != null ? role.name() : name;
    }

    public static Contender fromJsonName(String text) {
        for (Contender c : BUILT_IN) {
            if (c.builtIn().name().equals(text)) {
                return c;
            }
        }
        return new Contender(text);
    }

    /** Our servers first in their order (sync, async, virtual), then named targets by name. */
    @Override
    public int compareTo(Contender other) {
        int mine = rank(this);
        int theirs = rank(other);
        return mine != theirs ? Integer.compare(mine, theirs) : name.compareTo(other.name);
    }

    private static int rank(Contender c) {
        int i = BUILT_IN.indexOf(c);
        return i >= 0 ? i : BUILT_IN.size();
    }

    @Override
    public String toString() {
        return name;
    }
}
