package iobench.cli;

import iobench.config.SettingsOverrides;
import iobench.core.ServerRole;
import iobench.server.async.AsyncServer;
import iobench.server.sync.SyncServer;
import iobench.sim.SimServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The four {@code serve-*} commands. They differ only in the server they start and the option
 * groups it takes, so they are one command built once per row of {@link #SERVED}, with picocli's
 * programmatic API adding each row's groups as mixins.
 */
final class ServeCommand implements Callable<Integer> {
    /** One {@code serve-*} command: its server, its help text, and the option groups it takes besides ServeOptions. */
    record Served(ServerRole role, String description, List<String> examples, ServerProcess.Factory factory,
                  Supplier<List<SettingsOptions>> options) {
        String name() {
            return "serve-" + role.label();
        }
    }

    static final List<Served> SERVED = List.of(
            new Served(ServerRole.SIM, "Start the IO simulation server: answers after a delay without holding a thread.",
                    List.of("iobench serve-sim",
                            "curl 'http://127.0.0.1:8001/slow-io?delay=0.5&request_id=a'",
                            "iobench serve-sim --host 0.0.0.0 --port 9001 --gate-timeout 10"),
                    SimServer::start, () -> List.of(new SimOptions())),
            new Served(ServerRole.SYNC, "Start the sync server: blocking handlers (Javalin) on a bounded Jetty thread pool.",
                    List.of("iobench serve-sync --threads 8",
                            "curl 'http://127.0.0.1:8002/benchmark/io-test?delay=0.2&concurrent=10'",
                            "iobench serve-sync --host 0.0.0.0 --sim-url http://sim:8001"),
                    SyncServer::startPlatform, () -> List.of(new FanOutOptions(), new SyncPoolOptions())),
            new Served(ServerRole.ASYNC,
                    "Start the async server: Helidon SE 3 reactive, all downstream calls at once, no thread blocked.",
                    List.of("iobench serve-async --event-loops 2",
                            "curl 'http://127.0.0.1:8003/benchmark/io-test?delay=0.2&concurrent=10'"),
                    AsyncServer::start, () -> List.of(new FanOutOptions(), new EventLoopOptions())),
            new Served(ServerRole.VIRTUAL,
                    "Start the virtual-thread server: the sync server's blocking code, one virtual thread per request.",
                    List.of("iobench serve-virtual",
                            "curl 'http://127.0.0.1:8004/benchmark/io-test?delay=0.2&concurrent=10&strategy=parallel'"),
                    SyncServer::startVirtual, () -> List.of(new FanOutOptions())));

    /** A server runs until stopped, so its codes say how it ended (the JVM's for a signal: 128 + its number). */
    static final String EXIT_CODES = """
            Exit codes:
              0    stopped because the bench that started it ended (bench --isolate)
              2    invalid input (option, setting); nothing started
              3    could not start (port in use, address not available)
              130  stopped by Ctrl-C (SIGINT)
              143  stopped by SIGTERM (docker stop, kill)""";

    @Mixin
    ServeOptions serve;

    private final Served served;
    private final List<SettingsOptions> options;

    private ServeCommand(Served served, List<SettingsOptions> options) {
        this.served = served;
        this.options = options;
    }

    /** The command line of one serve-* command, ready to be added to the root command. */
    static CommandLine of(Served served) {
        List<SettingsOptions> options = served.options().get();
        CommandSpec spec = CommandSpec.forAnnotatedObject(new ServeCommand(served, options));
        for (SettingsOptions group : options) {
            spec.addMixin(group.getClass().getSimpleName(), CommandSpec.forAnnotatedObject(group));
        }
        spec.name(served.name()).mixinStandardHelpOptions(true);
        List<String> footer = new ArrayList<>();
        footer.add("Examples:");
        served.examples().forEach(line -> footer.add("  " + line));
        footer.add("");
        footer.add(EXIT_CODES);
        spec.usageMessage().description(served.description()).footerHeading("%n").footer(footer.toArray(String[]::new));
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws InterruptedException {
        SettingsOverrides given = options.stream().map(SettingsOptions::overrides)
                .reduce(SettingsOverrides.NONE, SettingsOverrides::and);
        return serve.serve(served.role(), given, served.factory());
    }
}
