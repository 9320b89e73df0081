package iobench.bench.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupShapeTest {
    private static Scenario fanOut(int k) {
        return new FanOutScenario(new Scenario.Common("f", 300, 3, List.of(Contender.SYNC), Strategy.SEQUENTIAL, null), k);
    }

    private static Scenario clients(int clients, int requests) {
        return new ClientsScenario(new Scenario.Common("c", 200, 3, List.of(Contender.SYNC), Strategy.SEQUENTIAL, null), clients,
                requests);
    }

    @Test
    void aFanOutRoundSendsTheSameCallsPerRequestInCopiesOfAboutFourHundredCalls() {
        assertEquals(new WarmupShape(50, 8, 8), WarmupShape.of(fanOut(50)));
        assertEquals(new WarmupShape(1, 32, 416), WarmupShape.of(fanOut(1)));
        assertTrue(WarmupShape.of(fanOut(1000)).calls() >= 1000, "at least one whole request");
    }

    @Test
    void aClientsRoundKeepsItsClientsAndSendsAtLeastFourHundredRequests() {
        assertEquals(new WarmupShape(1, 200, 400), WarmupShape.of(clients(200, 200)));
        assertEquals(new WarmupShape(1, 5, 400), WarmupShape.of(clients(5, 5)));
        assertEquals(new WarmupShape(1, 50, 1000), WarmupShape.of(clients(50, 1000)));
        assertEquals(new WarmupShape(1, 300, 600), WarmupShape.of(clients(300, 300)));
    }
}
