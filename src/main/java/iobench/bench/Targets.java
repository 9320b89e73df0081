package iobench.bench;

import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import iobench.core.ServerRole;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the servers of a run are: the simulation server, each of our compared servers, and the
 * named targets of the scenario file. The bench only ever talks to these addresses, so it works the
 * same against embedded servers, servers deployed elsewhere and services of any other kind.
 */
public record Targets(URI simUrl, Map<ServerRole, URI> servers, List<Target> named) {
    public Targets {
        servers = new EnumMap<>(servers);
        named = List.copyOf(named);
    }

    /** Our servers only. */
    public Targets(URI simUrl, Map<ServerRole, URI> servers) {
        this(simUrl, servers, List.of());
    }

    /** Where a contender's requests go: one of ours at its base URL, or a named target's template. */
    public Target target(Contender contender) {
        ServerRole role = contender.builtIn();
        if (role != null) {
            URI base = servers.get(role);
            if (base == null) {
                throw new IllegalStateException("no URL for " + role.label());
            }
            return Target.builtIn(role, base);
        }
        return named.stream().filter(t -> t.name().equals(contender.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no target named " + contender.name()));
    }
}
