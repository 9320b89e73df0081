package iobench.bench;

import iobench.http.ServerRole;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the servers of a run are: the simulation server and each compared server. The bench
 * only ever talks to these addresses, so it works the same against embedded servers and
 * against servers deployed elsewhere.
 */
public record Targets(URI simUrl, Map<ServerRole, URI> servers) {
    public Targets {
        servers = new EnumMap<>(servers);
    }

    public URI of(ServerRole role) {
        return servers.get(role);
    }
}
