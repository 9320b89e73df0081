package iobench.run;

import iobench.bench.ConcurrencyFit;
import iobench.bench.TargetProbe;
import iobench.bench.contender.Target;
import iobench.bench.load.LoadClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * check's table of contenders, ours and the named targets alike: each one's /health, then a burst
 * that tells how many it serves at once, and whether that fits the model bench will predict it by.
 */
final class TargetCheck {
    /** Each request of the burst asks for this delay: long enough that waves stand out from latency. */
    static final long DELAY_MS = 500;

    private TargetCheck() {
    }

    /**
     * One target at a time, so that no burst shares the machine (or the sim) with another's.
     *
     * @param targets a pool's threads given as the model will take them (our sync server's from its /health)
     * @return whether every target answered (its /health or, lacking one, the whole burst)
     */
    static boolean run(PrintWriter out, LoadClient client, List<Target> targets, int burst) throws InterruptedException {
        if (targets.isEmpty()) {
            return true;
        }
        boolean ok = true;
        out.printf(Locale.ROOT, "Targets (two bursts of %d requests at once, each asking for %.1f s; the second measured)%n",
                burst, DELAY_MS / 1000.0);
        out.flush();
        for (Target t : targets) {
            TargetProbe.Health health = TargetProbe.health(client, t);
            // The first burst also opens its connections and runs cold code (ours and the server's): on a
            // busy machine that added a third of a wave, which reads as half the concurrency. It is not kept.
            TargetProbe.concurrency(client, t, burst, DELAY_MS);
            TargetProbe.Concurrency c = TargetProbe.concurrency(client, t, burst, DELAY_MS);
            boolean fine = health.answered() && c.answered() == c.sent();
            ok &= fine;
            String fit = ConcurrencyFit.of(t, c);
            String model = t.model() == null ? "(no model)" : "(" + t.model().label()
                    + (t.threads() > 0 ? " of " + t.threads() + " threads" : "") + "): " + fit;
            out.printf(Locale.ROOT, "  %-8s %s %s; health: %s; %d of %d answered in %.2f s: about %.0f at once %s%n",
                    t.name(), t.url().text(), fine ? "ok" : "FAIL", health.role(), c.answered(), c.sent(), c.durationS(),
                    c.heldAtOnce(), model);
            out.flush();
        }
        out.println();
        out.flush();
        return ok;
    }
}
