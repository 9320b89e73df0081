package iobench.bench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures the Linux kernel keeps about processes and the machine ({@code /proc}). Elsewhere every
 * method answers -1, and the reports say n/a.
 */
public final class ProcFs {
    /** USER_HZ: the unit of the CPU times in /proc, 100 per second on Linux for decades. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private ProcFs() {
    }

    /** User plus system CPU time of a process in ns (resolution: one tick, 10 ms), or -1. */
    public static long processCpuNs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {busy, total} jiffies of all cores since boot, or null. */
    public static long[] machineCpuTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy share of the machine's cores between two {@link #machineCpuTicks()} readings, 0..100, or NaN. */
    public static double busyPercent(long[] before, long[] after) {
        if (before == null || after == null || after[1] <= before[1]) {
            return Double.NaN;
        }
        return 100.0 * (after[0] - before[0]) / (after[1] - before[1]);
    }
}
