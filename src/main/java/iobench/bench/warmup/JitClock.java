package iobench.bench.warmup;

import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.http.StatsAnswer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;

/** A server's total JIT compilation time so far, in ms; NaN where it cannot be known. */
@FunctionalInterface
public interface JitClock {
    double totalMs();

    /**
     * The share of wall time the JIT may still spend compiling in a steady window
     * ({@link SteadyState}): a JVM the load generator and the sim share compiles their code too.
     */
    default double quietShare() {
        return SteadyState.JIT_QUIET_SHARE;
    }

    /** Whether this JIT is the server's alone (a server in a JVM of its own). */
    default boolean ownJvm() {
        return false;
    }

    /**
     * The share a server's own JIT (a JVM of its own) may still compile in a steady window: what it
     * compiles is counted in its CPU per call.
     */
    double OWN_JVM_QUIET_SHARE = 0.01;

    JitClock UNKNOWN = () -> Double.NaN;

    /** This JVM's: for servers embedded in the bench's JVM (it counts the load generator's JIT too). */
    static JitClock thisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return UNKNOWN;
        }
        return jit::getTotalCompilationTime;
    }

    /**
     * A server in another JVM, as its {@code GET /stats} reports it ({@code jit_compile_ms}). That
     * JIT compiles the server's code alone, so it must be quieter to count as settled
     * ({@link #OWN_JVM_QUIET_SHARE}).
     */
    static JitClock fromStats(LoadClient client, URI baseUri) {
        URI stats = URI.create(baseUri.toString().replaceAll("/$", "") + "/stats");
        return new JitClock() {
            @Override
            public double totalMs() {
                HttpResult result = client.get(stats, Duration.ofSeconds(5));
                if (!result.answered() || result.status() != 200) {
                    return Double.NaN;
                }
                double ms = StatsAnswer.read(result.body()).jitCompileMs();
                return ms >= 0 ? ms : Double.NaN;
            }

            @Override
            public double quietShare() {
                return JitClock.OWN_JVM_QUIET_SHARE;
            }

            @Override
            public boolean ownJvm() {
                return true;
            }
        };
    }
}
