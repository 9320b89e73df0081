package iobench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peak resident memory of this JVM, read from the OS where it tells (Linux). */
final class ResidentMemory {
    private ResidentMemory() {
    }

    /** @param isolated whether the servers ran in child JVMs, so that this JVM held the load generator alone */
    static String peakDescription(boolean isolated) {
        long kb = peakKb();
        String what = isolated ? "the load generator alone; each server's heap is in the costs table"
                : "servers and load generator together";
        return kb < 0 ? "n/a (not Linux)"
                : String.format(java.util.Locale.ROOT, "%.0f MB (VmHWM of the bench JVM: %s)", kb / 1024.0, what);
    }

    /** VmHWM from /proc/self/status in kB, or -1. */
    static long peakKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
