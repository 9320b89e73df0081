package iobench.run;

import iobench.bench.ConcurrencyProbe;
import iobench.bench.EmbeddedServers;
import iobench.bench.HealthCheck;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import iobench.bench.load.LoadClient;
import iobench.config.ServerSettings;
import iobench.core.ServerRole;
import iobench.http.HealthAnswer;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * check's run: the health of each server, the burst that tells how many requests each contender
 * (ours and the named targets) serves at once, then how many requests the simulation server holds
 * waiting at once; each printed as it is known.
 */
public final class CheckRun {
    /** The concurrency probe: {@code start} parked requests, {@code step} more each time, up to {@code maxParked}. */
    public record Probe(int start, int step, int maxParked) {
    }

    private CheckRun() {
    }

    /**
     * @param given  our servers already running elsewhere, by role; with {@code simUrl} null too, a
     *               fresh set of embedded servers is checked, all of them
     * @param named  the named targets to check beside our servers
     * @param burst  requests sent at once to each contender
     * @return whether every server answered and the probe held to its end
     */
    public static boolean run(PrintWriter out, ServerSettings settings, Map<ServerRole, URI> given, URI simUrl,
                              List<Target> named, int burst, Probe probe) throws InterruptedException {
        Set<ServerRole> embedded = simUrl == null && given.isEmpty() ? EnumSet.copyOf(ServerRole.contenders())
                : EnumSet.noneOf(ServerRole.class);
        try (EmbeddedServers servers = new EmbeddedServers(settings, simUrl, embedded);
             LoadClient client = new LoadClient()) {
            Map<ServerRole, URI> targets = new EnumMap<>(servers.targets().servers());
            targets.putAll(given);
            URI sim = servers.targets().simUrl();
            boolean healthy = true;
            out.println("Health");
            healthy &= health(out, client, ServerRole.SIM.label(), sim) != null;
            // Our contenders are targets of the same kind as the named ones: the same burst, the same table.
            List<Target> contenders = new ArrayList<>();
            for (Map.Entry<ServerRole, URI> e : targets.entrySet()) {
                HealthAnswer answer = health(out, client, e.getKey().label(), e.getValue());
                healthy &= answer != null;
                contenders.add(builtIn(e.getKey(), e.getValue(), answer, settings));
            }
            contenders.addAll(named);
            out.println();
            healthy &= TargetCheck.run(out, client, contenders, burst);
            out.printf("Concurrency probe against %s (requests parked on /concurrency/block at once)%n", sim);
            out.printf("  %8s %8s %9s %9s %9s  %s%n", "sent", "parked", "released", "answered", "seconds", "result");
            out.flush();
            List<ConcurrencyProbe.Step> steps = ConcurrencyProbe.run(client, sim, probe.start(), probe.step(),
                    probe.maxParked());
            for (ConcurrencyProbe.Step s : steps) {
                out.printf(Locale.ROOT, "  %8d %8d %9d %9d %9.2f  %s%n", s.sent(), s.parked(), s.released(),
                        s.answered(), s.seconds(), s.ok() ? "ok" : "FAILED: " + s.problem());
            }
            ConcurrencyProbe.Step last = steps.get(steps.size() - 1);
            int held = steps.stream().filter(ConcurrencyProbe.Step::ok).mapToInt(ConcurrencyProbe.Step::sent).max().orElse(0);
            out.printf("%nHeld at once: %d%s%n", held, last.ok() ? " (the probe's maximum; raise --max-parked to go further)" : "");
            out.flush();
            return healthy && last.ok();
        }
    }

    /**
     * One of our servers as the model takes it: sync a pool of the threads its /health reports (as
     * bench reads them), the configured count when it did not answer.
     */
    private static Target builtIn(ServerRole role, URI base, HealthAnswer health, ServerSettings settings) {
        Target target = Target.builtIn(role, base);
        if (target.model() != TargetModel.POOL) {
            return target;
        }
        int threads = health == null ? settings.syncThreads() : health.threadsOr(settings.syncThreads());
        return new Target(target.name(), target.url(), target.model(), threads, target.request());
    }

    /** @return its /health answer, or null when it failed (the line says why) */
    private static HealthAnswer health(PrintWriter out, LoadClient client, String role, URI uri) {
        try {
            HealthAnswer answer = HealthCheck.ask(client, role, uri);
            String detail = answer.threads() != null ? "threads " + answer.threads()
                    : answer.eventLoops() != null ? "event loops " + answer.eventLoops() : "";
            out.printf("  %-8s %-28s ok   %s%n", role, uri, detail);
            return answer;
        } catch (HealthCheck.UnhealthyException e) {
            out.printf("  %-8s %-28s FAIL %s%n", role, uri, e.getMessage());
            return null;
        }
    }
}
