package iobench.bench.metrics;

import iobench.core.ServerRole;
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
    /** In one JVM: the process's CPU beyond its Java threads': the JIT compiler, the GC, other native threads. */
    String JVM_INTERNAL = "jit+gc";
    /** The machine's busy time that none of the measured parts used: other processes on the machine. */
    String OUTSIDE = "outside";

    /**
     * One JVM: the threads of each part, told apart by name. Virtual threads (the load generator's
     * and the virtual server's) share the JVM's carrier threads, so those two are one part here.
     * The JIT compiler and GC threads are not Java threads: they are the process's CPU time beyond
     * the sum of its threads' ({@link #JVM_INTERNAL}).
     */
    static CpuAccounts threadsOfThisJvm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return () -> {
            long processNs = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            Map<String, Long> parts = new LinkedHashMap<>();
            long threadsNs = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                if (info == null) {
                    continue;
                }
                long ns = threads.getThreadCpuTime(info.getThreadId());
                if (ns > 0) {
                    parts.merge(partOf(info.getThreadName()), ns, Long::sum);
                    threadsNs += ns;
                }
            }
            if (processNs >= 0) {
                // Threads that ended since the last reading make this a little high; never negative.
                parts.put(JVM_INTERNAL, Math.max(0, processNs - threadsNs));
            }
            return parts;
        };
    }

    /** The part a thread of this JVM works for, by its name. */
    static String partOf(String threadName) {
        for (ServerRole role : ServerRole.values()) {
            String server = role.label();
            if (threadName.startsWith(server + "-") || threadName.equals(server)) {
                return server;
            }
        }
        if (threadName.startsWith("ForkJoinPool") || threadName.startsWith("load-") || threadName.startsWith("OkHttp")
                || threadName.startsWith("iobench-")) {
            return LOADGEN_AND_CARRIERS;
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
     * two readings, 0..100, and what the machine was busy with beyond them ({@link #OUTSIDE}, from
     * its busy share); parts without both readings are left out.
     */
    static Map<String, Double> sharesPct(Map<String, Long> before, Map<String, Long> after, long wallNs, int cores,
                                         double machineBusyPct) {
        Map<String, Double> shares = sharesPct(before, after, wallNs, cores);
        if (!shares.isEmpty() && !Double.isNaN(machineBusyPct)) {
            double ours = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            shares.put(OUTSIDE, Math.max(0, machineBusyPct - ours));
        }
        return shares;
    }

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
