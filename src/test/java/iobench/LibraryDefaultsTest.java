package iobench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

class LibraryDefaultsTest {
    @Test
    void theCacheLineFigureIsTheOneJettyWouldHaveAskedTheMBeanServerFor() {
        // No test runs Main, so in this JVM Jetty found the property unset and asked the
        // platform MBean server itself: its answer is the one Main must set in its place.
        assertNull(System.getProperty(LibraryDefaults.JETTY_REFERENCES_PER_CACHE_LINE));
        assertEquals(MemoryUtils.getReferencesPerCacheLine(), LibraryDefaults.referencesPerCacheLine());
    }

    @Test
    void aValueTheUserSetIsKept() {
        MemoryUtils.getReferencesPerCacheLine(); // Jetty reads the property once: let it read it unset
        String name = LibraryDefaults.JETTY_REFERENCES_PER_CACHE_LINE;
        String nettyBefore = System.getProperty("io.netty.noUnsafe");
        System.setProperty(name, "4");
        try {
            LibraryDefaults.set();
            assertEquals("4", System.getProperty(name));
        } finally {
            System.clearProperty(name);
            if (nettyBefore == null) {
                System.clearProperty("io.netty.noUnsafe");
            }
        }
    }
}
