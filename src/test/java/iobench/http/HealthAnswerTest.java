package iobench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.config.ServerSettings;
import iobench.server.ServerKind;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our servers' /health and /stats answers, read into their records from real servers. */
class HealthAnswerTest {
    private final Http http = new Http();

    @Test
    void eachServersHealthReadsAsWhatItWasStartedWith() {
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0)) {
            ServerSettings settings = TestSettings.calling(sim.baseUri(),
                    Map.of("sync-threads", 7, "fanout-threads", 9, "async-event-loops", 3));
            HealthAnswer simHealth = HealthAnswer.read(http.get(sim.baseUri(), "/health").json());
            assertEquals("sim", simHealth.role());
            assertEquals(CgroupLimits.ofThisProcess(), simHealth.cgroupLimits());
            assertEquals(42, simHealth.threadsOr(42), "the sim reports no pool");

            try (RunningServer sync = ServerKind.SYNC.start(settings, 0)) {
                HealthAnswer answer = HealthAnswer.read(http.get(sync.baseUri(), "/health").json());
                assertEquals("sync", answer.role());
                assertEquals(7, answer.threadsOr(42));
                assertEquals(9, answer.fanoutThreadsOr(42));
                assertNull(answer.eventLoops());
            }
            try (RunningServer virtual = ServerKind.VIRTUAL.start(settings, 0)) {
                HealthAnswer answer = HealthAnswer.read(http.get(virtual.baseUri(), "/health").json());
                assertEquals("virtual", answer.role());
                assertTrue(answer.threads().startsWith("virtual"), answer.threads());
                assertEquals(42, answer.threadsOr(42), "words are no pool size");
                assertEquals(42, answer.fanoutThreadsOr(42));
            }
            try (RunningServer async = ServerKind.ASYNC.start(settings, 0)) {
                HealthAnswer answer = HealthAnswer.read(http.get(async.baseUri(), "/health").json());
                assertEquals("async", answer.role());
                assertEquals(3, answer.eventLoops());
                assertNull(answer.threads());
                assertEquals(CgroupLimits.ofThisProcess(), answer.cgroupLimits());
            }
        }
    }

    @Test
    void aHealthOfAnotherShapeIsRefusedNotMisread() {
        assertThrows(IllegalArgumentException.class,
                () -> HealthAnswer.read(Http.parse("{\"role\": \"sync\", \"fanout_threads\": {\"n\": 1}}")));
        HealthAnswer older = HealthAnswer.read(Http.parse("{\"role\": \"sync\", \"threads\": 5}"));
        assertEquals(5, older.threadsOr(42));
        assertEquals(42, older.fanoutThreadsOr(42), "a server before fan-out pools");
        assertSame(CgroupLimits.NONE, older.cgroupLimits());
    }

    @Test
    void aServersStatsReadBackAndGarbageIsNone() {
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0)) {
            StatsAnswer stats = StatsAnswer.read(http.get(sim.baseUri(), "/stats").body());
            assertTrue(stats.processCpuNs() > 0, "a running JVM has used CPU: " + stats);
            assertTrue(stats.peakThreads() > 0, stats.toString());
            assertTrue(stats.heapUsedBytes() > 0, stats.toString());
        }
        assertSame(StatsAnswer.NONE, StatsAnswer.read("not json"));
        assertSame(StatsAnswer.NONE, StatsAnswer.read(null));
        StatsAnswer partial = StatsAnswer.read("{\"peak_threads\": 12, \"other\": true}");
        assertEquals(12, partial.peakThreads());
        assertEquals(-1, partial.processCpuNs(), "what the answer does not say is -1");
        assertEquals(-1.0, partial.jitCompileMs());
    }
}
