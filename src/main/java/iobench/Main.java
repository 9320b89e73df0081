package iobench;

import iobench.cli.Cli;

/** {@code java -jar iobench.jar ...}: everything else is in {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Netty 4.1 (inside Helidon 3) uses sun.misc.Unsafe, which Java 24+ reports with a
        // four-line warning. Without Unsafe Netty uses heap buffers; the servers' answers are
        // small, so the cost is slight. Set before any Netty class loads; -Dio.netty.noUnsafe=false opts out.
        // Charts are drawn off-screen; never look for a display.
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
        System.exit(Cli.execute(args));
    }
}
