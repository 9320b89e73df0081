package iobench.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code GET /stats} answers on every server: this JVM's allocation, heap and threads. When
 * bench runs each server in its own JVM ({@code --isolate}), these are that server's own costs;
 * in one shared JVM they are everyone's, and bench does not use them.
 */
public final class RuntimeStats {
    /** Live and peak virtual threads started through {@link NamedThreads#countedVirtual}. */
    static final AtomicInteger LIVE_VIRTUAL = new AtomicInteger();
    static final AtomicInteger PEAK_VIRTUAL = new AtomicInteger();

    private RuntimeStats() {
    }

    public static String json() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ObjectNode body = Json.object();
        body.put("allocated_bytes", threads.isThreadAllocatedMemorySupported() ? threads.getTotalThreadAllocatedBytes() : -1);
        body.put("heap_used_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        body.put("live_threads", threads.getThreadCount());
        body.put("peak_threads", threads.getPeakThreadCount());
        body.put("live_virtual_threads", LIVE_VIRTUAL.get());
        body.put("peak_virtual_threads", PEAK_VIRTUAL.get());
        body.put("process_cpu_ns", processCpuNs());
        // For bench's warm-up rule: a server is steady once its JIT stops compiling.
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        body.put("jit_compile_ms", jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit.getTotalCompilationTime() : -1);
        return Json.write(body);
    }

    /** Starts a new peak window (bench does this before each run). */
    public static String reset() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        resetPeakVirtualThreads();
        return json();
    }

    /** The most counted virtual threads alive at once since the last reset. */
    public static int peakVirtualThreads() {
        return PEAK_VIRTUAL.get();
    }

    public static void resetPeakVirtualThreads() {
        PEAK_VIRTUAL.set(LIVE_VIRTUAL.get());
    }

    private static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
