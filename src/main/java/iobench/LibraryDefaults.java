package iobench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * System properties the libraries read once, when their classes load: set here, before any of
 * them does, and only where the user has not set them ({@code -Dname=value} wins).
 */
final class LibraryDefaults {
    /** Read by Jetty's MemoryUtils to size the padding between its queues' hot fields. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private LibraryDefaults() {
    }

    static void set() {
        // Charts are drawn off-screen; never look for a display.
        System.setProperty("java.awt.headless", "true");
        // Netty 4.1 (inside Helidon 3) uses sun.misc.Unsafe, which Java 24+ reports with a
        // four-line warning. Without Unsafe Netty uses heap buffers; the servers' answers are
        // small, so the cost is slight. -Dio.netty.noUnsafe=false opts out.
        setUnlessSet("io.netty.noUnsafe", () -> "true");
        // Without this property Jetty starts the platform MBean server to ask whether oops are
        // compressed: about 250 JMX, management and JFR classes and their objects in every
        // Jetty-based server, for one number. The diagnostic MXBean alone answers the same question.
        setUnlessSet(JETTY_REFERENCES_PER_CACHE_LINE, () -> Integer.toString(referencesPerCacheLine()));
    }

    /** What Jetty 12's MemoryUtils computes: a 64-byte line holds 16 compressed or 8 full references. */
    static int referencesPerCacheLine() {
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        return compressedOops() ? cacheLineBytes / Integer.BYTES : cacheLineBytes / Long.BYTES;
    }

    private static boolean compressedOops() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCompressedOops").getValue());
        } catch (RuntimeException e) {
            return true; // Jetty's own fallback when it cannot ask: integers per cache line
        }
    }

    /** {@code value} is asked only when the property is unset: the user's value costs nothing. */
    private static void setUnlessSet(String name, Supplier<String> value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value.get());
        }
    }
}
