package iobench.bench;

import iobench.bench.load.LoadClient;
import iobench.bench.metrics.CostMeter;
import iobench.bench.metrics.CpuAccounts;
import iobench.bench.load.ProcessCostMeter;
import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import iobench.http.ServerStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --isolate}: each server in a JVM of its own, started from this same jar with its
 * {@code serve-*} command on a free port. The servers then share no heap, JIT or carrier threads,
 * and each one's CPU time and memory can be read from the kernel. Children never outlive bench:
 * {@link #close()} and a shutdown hook stop them, and each child also exits when bench's process
 * ends ({@code --exit-with-parent}), even if bench is killed.
 */
public final class ChildServers implements ServerSet {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(8);
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^\\s:/]+:(\\d+)");

    /** A started child: its process, where it listens and its start-up line. */
    private record Child(String role, Process process, URI baseUri, String description, Path log) {
    }

    /** Copy-on-write: {@link #cancelInFlight()} runs on the signal's thread, maybe while stopAll() runs. */
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final Map<ServerRole, Child> byRole = new EnumMap<>(ServerRole.class);
    private final Thread shutdownHook = new Thread(this::stopAll, "iobench-stop-children");
    private final Targets targets;

    /**
     * @param settings    the settings the children get as options (threads, event loops)
     * @param configFile  passed on to every child, or null
     * @param externalSim a sim already running elsewhere, or null to start one as a child
     */
    public ChildServers(ServerSettings settings, Path configFile, URI externalSim, Set<ServerRole> roles) {
        this(settings, configFile, externalSim, roles, true);
    }

    /**
     * @param simNeeded whether to start a sim when none is given; a run of named targets alone
     *                  ({@link BenchPlan#needsSim()}) has none then, and {@link Targets#simUrl()} is null
     */
    public ChildServers(ServerSettings settings, Path configFile, URI externalSim, Set<ServerRole> roles,
                        boolean simNeeded) {
        if (!simNeeded && !roles.isEmpty()) {
            throw new IllegalArgumentException("our servers " + roles + " call the sim: it is needed");
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            URI simUrl = externalSim;
            if (simUrl == null && simNeeded) {
                simUrl = start(ServerRole.SIM.label(), List.of(), configFile).baseUri();
            }
            Map<ServerRole, URI> servers = new EnumMap<>(ServerRole.class);
            for (ServerRole role : roles) {
                List<String> options = new ArrayList<>(List.of("--sim-url", simUrl.toString()));
                switch (role) {
                    case SYNC -> options.addAll(List.of("--threads", Integer.toString(settings.syncThreads()),
                            "--fanout-threads", Integer.toString(settings.fanoutThreads())));
                    case ASYNC -> options.addAll(List.of("--event-loops", Integer.toString(settings.asyncEventLoops())));
                    case VIRTUAL -> {
                    }
                    case SIM -> throw new IllegalArgumentException("the sim is started above, not as a contender");
                }
                Child child = start(role.label(), options, configFile);
                byRole.put(role, child);
                servers.put(role, child.baseUri());
            }
            targets = new Targets(simUrl, servers);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Child start(String role, List<String> options, Path configFile) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The children use Netty the way this JVM was told to (Main defaults it to no Unsafe).
        command.add("-Dio.netty.noUnsafe=" + System.getProperty("io.netty.noUnsafe", "true"));
        // And sized as this JVM was (JVM_FLAGS: -Xms, -Xmx, the collector; docs/performance.md).
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-Xms") || flag.startsWith("-Xmx") || flag.startsWith("-Xss")
                        || flag.matches("-XX:[+-]Use\\w+GC"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("iobench.Main");
        command.add("serve-" + role);
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0",
                "--exit-with-parent", Long.toString(ProcessHandle.current().pid())));
        if (configFile != null) {
            command.addAll(List.of("--config", configFile.toString()));
        }
        command.addAll(options);
        Path log;
        Process process;
        try {
            log = Files.createTempFile("iobench-" + role + "-", ".log");
            log.toFile().deleteOnExit();
            process = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new ServerStartException("cannot start the " + role + " server as a child JVM: " + e.getMessage(), e);
        }
        String line = awaitStartLine(process);
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.find()) {
            process.destroyForcibly();
            String what = process.isAlive() ? "did not start within " + START_TIMEOUT.toSeconds() + " s"
                    : "exited at start (exit code " + exitCode(process) + ")";
            throw new ServerStartException("the " + role + " server's child JVM " + what + ": " + tail(log), null);
        }
        Child child = new Child(role, process, URI.create("http://127.0.0.1:" + m.group(1)), line.trim() + " [own JVM, pid "
                + process.pid() + "]", log);
        children.add(child);
        return child;
    }

    /**
     * The child's first line on stdout is its start-up line; its stdout is drained after that.
     * Platform threads: a blocking read of a pipe would hold a virtual thread's carrier, and the
     * load generator's virtual threads need every carrier.
     */
    private static String awaitStartLine(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("iobench-child-stdout-" + process.pid()).start(() -> {
            try {
                first.complete(out.readLine());
                while (out.readLine() != null) {
                    // A child says nothing more on stdout; reading keeps its pipe from filling.
                }
            } catch (IOException e) {
                first.complete(null);
            }
        });
        try {
            return first.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(nothing on its stderr)"
                    : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public Targets targets() {
        return targets;
    }

    @Override
    public List<String> descriptions() {
        return children.stream().map(Child::description).toList();
    }

    @Override
    public CostMeter meter(ServerRole role, LoadClient client) {
        Child child = byRole.get(role);
        return child == null ? CostMeter.NONE : new ProcessCostMeter(child.process().pid(), child.baseUri(), client);
    }

    /** Each child's process, and this JVM as the load generator (an external sim is not counted). */
    @Override
    public CpuAccounts cpuAccounts() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        pids.put("loadgen", ProcessHandle.current().pid());
        children.forEach(c -> pids.put(c.role(), c.process().pid()));
        return CpuAccounts.processes(pids);
    }

    /**
     * SIGTERM to every child now, without waiting: a child started by bench cancels its downstream
     * calls before it closes (see ServerProcess), so its requests in flight end at once and it exits
     * while bench writes its report; {@link #close()} then only waits for the exits.
     */
    @Override
    public void cancelInFlight() {
        children.forEach(child -> child.process().destroy());
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing to remove
        }
    }

    /** SIGTERM to every child (they close their server and exit), then SIGKILL to any still there. */
    private synchronized void stopAll() {
        for (Child child : children) {
            child.process().destroy();
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Child child : children) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    child.process().destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
    }
}
