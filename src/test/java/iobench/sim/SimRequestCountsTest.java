package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.RunningServer;
import iobench.testing.Http;
import iobench.testing.RawHttp;
import iobench.testing.TestSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sim's {@code /health} counts every slow-IO request it drew, by what it drew; a refused request is not one. */
@Timeout(30)
class SimRequestCountsTest {
    @Test
    void healthCountsTheSlowIoRequestsByWhatTheSimDrewForThem() {
        try (RunningServer sim = SimServer.start(TestSettings.loopback(), 0)) {
            Http http = new Http();
            assertEquals(200, http.get(sim.baseUri(), "/slow-io?delay=0").status());
            assertEquals(200, http.get(sim.baseUri(), "/slow-io-sync?delay=0").status());
            assertEquals(500, http.get(sim.baseUri(), "/slow-io?delay=0&error_rate=1").status());
            assertEquals(503, http.get(sim.baseUri(), "/slow-io-sync?delay=0&unavailable_rate=1").status());
            // Raw, not java.net.http: that client sends a GET again after a reset, and the sim would count two.
            assertEquals(-1, RawHttp.get(sim.baseUri(), "/slow-io?delay=0&reset_rate=1", Duration.ofSeconds(5)).status());
            assertTrue(RawHttp.get(sim.baseUri(), "/slow-io?delay=0&hang_rate=1", Duration.ofMillis(300)).timedOut());
            assertEquals(400, http.get(sim.baseUri(), "/slow-io?delay=abc").status());

            JsonNode counts = http.get(sim.baseUri(), "/health").json().path("slow_io_requests");
            assertEquals(6, counts.path("total").asLong(), counts.toString());
            assertEquals(2, counts.path("ok").asLong(), counts.toString());
            assertEquals(1, counts.path("injected-500").asLong(), counts.toString());
            assertEquals(1, counts.path("injected-503").asLong(), counts.toString());
            assertEquals(1, counts.path("hang").asLong(), counts.toString());
            assertEquals(1, counts.path("reset").asLong(), counts.toString());
        }
    }
}
