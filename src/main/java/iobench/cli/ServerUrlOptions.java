package iobench.cli;

import iobench.core.ExitException;
import iobench.core.ServerRole;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Servers already running elsewhere (other processes, containers, hosts), shared by bench and check. */
final class ServerUrlOptions {
    @Option(names = "--sim-url", paramLabel = "URL", description = "Use this simulation server instead of starting one.")
    URI simUrl;

    @Option(names = "--sync-url", paramLabel = "URL", description = "Use this sync server instead of starting one.")
    URI syncUrl;

    @Option(names = "--async-url", paramLabel = "URL", description = "Use this async server instead of starting one.")
    URI asyncUrl;

    @Option(names = "--virtual-url", paramLabel = "URL", description = "Use this virtual-thread server instead of starting one.")
    URI virtualUrl;

    /** The simulation server given, checked; null to start one. */
    URI sim() {
        check(simUrl, "--sim-url");
        return simUrl;
    }

    /** The compared servers given, by role, each checked. */
    Map<ServerRole, URI> servers() {
        Map<ServerRole, URI> urls = new EnumMap<>(ServerRole.class);
        put(urls, ServerRole.SYNC, syncUrl, "--sync-url");
        put(urls, ServerRole.ASYNC, asyncUrl, "--async-url");
        put(urls, ServerRole.VIRTUAL, virtualUrl, "--virtual-url");
        return urls;
    }

    private static void put(Map<ServerRole, URI> urls, ServerRole role, URI uri, String option) {
        if (uri != null) {
            check(uri, option);
            urls.put(role, uri);
        }
    }

    private static void check(URI uri, String option) {
        if (uri != null && (!"http".equals(uri.getScheme()) || uri.getHost() == null)) {
            throw ExitException.invalidInput(option + " " + uri + " is not usable; expected http://HOST:PORT");
        }
    }
}
