package iobench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peak resident memory of this JVM, read from the OS where it tells (Linux). */
final class ResidentMemory {
    private ResidentMemory() {
    }

    static String peakDescription() {
        long kb = peakKb();
        return kb < 0 ? "n/a (not Linux)" : String.format(java.util.Locale.ROOT, "%.0f MB (VmHWM of the bench JVM, servers and load generator together)", kb / 1024.0);
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
