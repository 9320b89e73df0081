package iobench.bench.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used so far by each part of a bench run, in ns, so that a run can say where the
 * machine's CPU went: the load generator, the sim, each server, and the JVM's own JIT and GC.
 * Read before and after a run; {@link #sharesPct} turns two readings into shares of the machine.
 */
@FunctionalInterface
public interface CpuAccounts {
    /** Part name to CPU ns used so far; a part missing from a reading counts as unknown. */
    Map<String, Long> readNs();

    CpuAccounts NONE = Map::of;

    /** The load generator's part in one JVM: its virtual threads run on the JVM's carrier threads. */
    String LOADGEN_AND_CARRIERS = "loadgen+virtual";
    String JIT = "jit";
    String GC = "gc";

    /**
     * One JVM: the threads of each part, told apart by name. Virtual threads (the load generator's
     * and the virtual server's) share the JVM's carrier threads, so those two are one part here.
     */
    static CpuAccounts threadsOfThisJvm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return () -> {
            Map<String, Long> parts = new LinkedHashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                if (info == null) {
                    continue;
                }
                long ns = threads.getThreadCpuTime(info.getThreadId());
                if (ns > 0) {
                    parts.merge(partOf(info.getThreadName()), ns, Long::sum);
                }
            }
            return parts;
        };
    }

    /** The part a thread of this JVM works for, by its name. */
    static String partOf(String threadName) {
        for (String server : List.of("sim", "sync", "async", "virtual")) {
            if (threadName.startsWith(server + "-") || threadName.equals(server)) {
                return server;
            }
        }
        if (threadName.startsWith("ForkJoinPool") || threadName.startsWith("load-") || threadName.startsWith("OkHttp")
                || threadName.startsWith("iobench-")) {
            return LOADGEN_AND_CARRIERS;
        }
        if (threadName.contains("CompilerThread")) {
            return JIT;
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.contains("GC Thread")
                || threadName.startsWith("VM Periodic") || threadName.startsWith("VM Thread")) {
            return GC;
        }
        return "other";
    }

    /** Processes by part (with --isolate: each server, the sim, and this JVM as the load generator). */
    static CpuAccounts processes(Map<String, Long> pidsByPart) {
        return () -> {
            Map<String, Long> parts = new LinkedHashMap<>();
            pidsByPart.forEach((part, pid) -> {
                long ns = ProcFs.processCpuNs(pid);
                if (ns >= 0) {
                    parts.put(part, ns);
                }
            });
            return parts;
        };
    }

    /**
     * Each part's share of the machine's whole CPU capacity (all cores for the wall time) between
     * two readings, 0..100; parts without both readings are left out.
     */
    static Map<String, Double> sharesPct(Map<String, Long> before, Map<String, Long> after, long wallNs, int cores) {
        Map<String, Double> shares = new LinkedHashMap<>();
        double capacityNs = (double) wallNs * Math.max(1, cores);
        if (capacityNs <= 0) {
            return shares;
        }
        after.forEach((part, ns) -> {
            Long was = before.get(part);
            if (was != null) {
                shares.put(part, 100.0 * Math.max(0, ns - was) / capacityNs);
            }
        });
        return shares;
    }
}
