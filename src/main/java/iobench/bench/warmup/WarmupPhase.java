package iobench.bench.warmup;

import iobench.scenario.Warmup;
import iobench.scenario.ProgressStep;
import iobench.scenario.Scenario;
import iobench.bench.load.ClientsRun;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One warm-up phase: rounds of one scenario's shape against one server until the plan's warm-up
 * mode says enough ({@link Warmup}): steady by {@link SteadyState} or at the cap (auto), a number
 * of rounds, or a time.
 */
public final class WarmupPhase {
    /**
     * Runs one warm-up round of the shape (and records it); the round's result comes back. The
     * round starts no request after {@code timeLimitMs}, so that a service slower than the warm-up
     * delay (a named target that ignores it) cannot hold a phase far beyond its time.
     */
    @FunctionalInterface
    public interface Rounds {
        RunResult run(WarmupShape shape, long timeLimitMs) throws InterruptedException;
    }

    /** {@link System#nanoTime()} of a phase that is not time-boxed. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private WarmupPhase() {
    }

    /** A phase without a time box: it ends when its mode says. */
    public static WarmupOutcome run(Scenario scenario, Contender role, Warmup policy, JitClock jit, String sharedFrom,
                                    Rounds rounds, Consumer<ProgressStep> progress) throws InterruptedException {
        return run(scenario, role, policy, jit, sharedFrom, rounds, progress, NO_DEADLINE);
    }

    /**
     * @param sharedFrom auto only: the earlier scenario of the same shape after which the server was
     *                   already steady (one round then opens this scenario's connections), or null
     * @param progress   told of each round where the rounds are counted, else of the phase once
     * @param deadlineNs the time box of a segment's phase ({@link System#nanoTime()}): no round
     *                   begins after the first unless it would end by then, judged by the longest
     *                   round so far with half more; a phase the box ends before its mode
     *                   does, and not steady, is capped. {@link #NO_DEADLINE}: none
     */
    public static WarmupOutcome run(Scenario scenario, Contender role, Warmup policy, JitClock jit, String sharedFrom,
                                    Rounds rounds, Consumer<ProgressStep> progress, long deadlineNs)
            throws InterruptedException {
        WarmupShape shape = WarmupShape.of(scenario);
        List<SteadyState.Round> done = new ArrayList<>();
        long startNs = System.nanoTime();
        long longestRoundNs = 0;
        double jitAtStart = jit.totalMs();
        double jitBefore = jitAtStart;
        boolean capped = false;
        String failure = null;
        long calls = 0;
        while (true) {
            int round = done.size() + 1;
            if (policy.mode() == Warmup.Mode.ROUNDS) {
                progress.accept(ProgressStep.warmupRound(scenario.name(), role, round, policy.rounds()));
            } else if (round == 1) {
                progress.accept(ProgressStep.warmup(scenario.name(), role, policy.describe()));
            }
            long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
            long roundStartNs = System.nanoTime();
            long limitMs = timeLimitMs(policy, elapsedMs);
            if (deadlineNs != NO_DEADLINE) {
                // A segment's box ends the round's sending too, however long the mode would let it run.
                limitMs = Math.min(limitMs, Math.max(1, (deadlineNs - roundStartNs) / 1_000_000));
            }
            RunResult result = rounds.run(shape, limitMs);
            double jitAfter = jit.totalMs();
            // A round and the look at the JIT after it (a request to /stats for a server elsewhere).
            longestRoundNs = Math.max(longestRoundNs, System.nanoTime() - roundStartNs);
            // The calls the round sent: fewer than the shape's where its time ran out.
            done.add(new SteadyState.Round(result.calls(), result.durationNs(), jitBefore, jitAfter));
            calls += result.calls();
            jitBefore = jitAfter;
            elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
            if (result.successful() == 0) {
                // A server that answers nothing cannot warm; the report says why, beside the measured runs.
                failure = failure(result);
                break;
            }
            boolean enough = switch (policy.mode()) {
                case AUTO -> {
                    if (sharedFrom != null || SteadyState.steady(done, jit.quietShare())) {
                        yield true;
                    }
                    capped = calls >= policy.maxCalls() || elapsedMs >= policy.maxMs();
                    yield capped;
                }
                case ROUNDS -> done.size() >= policy.rounds();
                case TIMED -> elapsedMs >= policy.durationMs();
            };
            if (enough) {
                break;
            }
            if (deadlineNs != NO_DEADLINE && System.nanoTime() + longestRoundNs * 3 / 2 - deadlineNs > 0) {
                // The box would end during the next round: the phase ends here, and says whether it became steady.
                capped = !SteadyState.steady(done, jit.quietShare());
                break;
            }
        }
        return new WarmupOutcome(scenario.name(), role, done.size(), calls,
                System.nanoTime() - startNs, sharedFrom != null || SteadyState.steady(done, jit.quietShare()), capped,
                jitBefore - jitAtStart, sharedFrom, failure, false);
    }

    /** What is left of the phase's time when a round starts: auto's cap, a timed warm-up's time; rounds: no limit. */
    static long timeLimitMs(Warmup policy, long elapsedMs) {
        return switch (policy.mode()) {
            case AUTO -> Math.max(1, policy.maxMs() - elapsedMs);
            case TIMED -> Math.max(1, policy.durationMs() - elapsedMs);
            case ROUNDS -> ClientsRun.NO_TIME_LIMIT_MS;
        };
    }

    /** A round in which every request failed, in a few words: each kind of failure, how often, and its first message. */
    static String failure(RunResult round) {
        List<String> kinds = new ArrayList<>();
        round.errors().forEach((kind, count) -> kinds.add(kind + " x" + count + ": "
                + round.errorSamples().getOrDefault(kind, "(no message)")));
        return "every request failed" + (kinds.isEmpty() ? "" : " (" + String.join("; ", kinds) + ")");
    }
}
