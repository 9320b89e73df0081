package iobench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTest {
    private static final ModelParams PARAMS = new ModelParams(8, 32, Map.of());
    private static final double EPS = 1e-9;
    private static final List<Contender> ALL = List.of(Contender.SYNC, Contender.ASYNC, Contender.VIRTUAL);

    private static Scenario fanOut(long delayMs, int k, Strategy strategy) {
        return new FanOutScenario(new Scenario.Common("f", delayMs, 3, ALL, strategy, null), k);
    }

    private static Scenario clients(long delayMs, int clients, int requests) {
        return new ClientsScenario(new Scenario.Common("c", delayMs, 3, ALL, Strategy.SEQUENTIAL, null), clients, requests);
    }

    @Test
    void aSequentialFanOutTakesKDelaysOnTheBlockingServersAndOneDelayOnTheAsyncServer() {
        Scenario s = fanOut(300, 50, Strategy.SEQUENTIAL);
        assertEquals(50 * 0.3, Model.predictedDurationS(s, Contender.SYNC, PARAMS), EPS);
        assertEquals(50 * 0.3, Model.predictedDurationS(s, Contender.VIRTUAL, PARAMS), EPS);
        assertEquals(0.3, Model.predictedDurationS(s, Contender.ASYNC, PARAMS), EPS);
        assertEquals(50.0, Model.speedup(s, Contender.ASYNC, PARAMS), EPS);
        assertEquals(1.0, Model.speedup(s, Contender.VIRTUAL, PARAMS), EPS);
    }

    @Test
    void aParallelFanOutOfFiftyCallsTakesTwoWavesThroughAPoolOf32() {
        Scenario s = fanOut(200, 50, Strategy.PARALLEL);
        assertEquals(2, Model.waves(50, 32));
        assertEquals(2 * 0.2, Model.predictedDurationS(s, Contender.SYNC, PARAMS), EPS);
        assertEquals(0.2, Model.predictedDurationS(s, Contender.VIRTUAL, PARAMS), EPS);
        assertEquals(0.2, Model.predictedDurationS(s, Contender.ASYNC, PARAMS), EPS);
        assertEquals(2.0, Model.speedup(s, Contender.VIRTUAL, PARAMS), EPS);
    }

    @Test
    void aParallelFanOutThatFitsThePoolIsOneWave() {
        Scenario s = fanOut(200, 32, Strategy.PARALLEL);
        assertEquals(0.2, Model.predictedDurationS(s, Contender.SYNC, PARAMS), EPS);
        assertEquals(1.0, Model.speedup(s, Contender.VIRTUAL, PARAMS), EPS);
    }

    @Test
    void aHundredClientsOnEightThreadsAtPointTwoSecondsAreThirteenWavesOf2Point6Seconds() {
        Scenario s = clients(200, 100, 100);
        assertEquals(13, Model.waves(100, 8));
        assertEquals(2.6, Model.predictedDurationS(s, Contender.SYNC, PARAMS), EPS);
        assertEquals(0.2, Model.predictedDurationS(s, Contender.ASYNC, PARAMS), EPS);
        assertEquals(0.2, Model.predictedDurationS(s, Contender.VIRTUAL, PARAMS), EPS);
        assertEquals(13.0, Model.speedup(s, Contender.ASYNC, PARAMS), EPS);
    }

    @ParameterizedTest(name = "{0} clients, {1} requests, T = {2}: sync {3} waves")
    @CsvSource({
        "1, 1, 8, 1",
        "5, 5, 8, 1",
        "8, 8, 8, 1",
        "9, 9, 8, 2",
        "20, 20, 8, 3",
        "200, 200, 8, 25",
        "4, 100, 8, 25",   // a closed loop: four clients send 25 each, one after another
        "20, 40, 8, 5",
        "100, 100, 1, 100",
    })
    void syncClientsTakeCeilOfRequestsOverThreadsWaves(int clients, int requests, int threads, int waves) {
        Scenario s = clients(500, clients, requests);
        ModelParams p = new ModelParams(threads, 32, Map.of());
        assertEquals(waves * 0.5, Model.predictedDurationS(s, Contender.SYNC, p), EPS);
        // The servers that hold every request at once need one delay per request a client sends in a row.
        double rounds = Math.ceil((double) requests / clients);
        assertEquals(rounds * 0.5, Model.predictedDurationS(s, Contender.ASYNC, p), EPS);
        assertEquals(rounds * 0.5, Model.predictedDurationS(s, Contender.VIRTUAL, p), EPS);
    }

    @Test
    void withNoDelayTheModelHasNoSpeedupToOffer() {
        Scenario s = clients(0, 100, 100);
        assertEquals(0.0, Model.predictedDurationS(s, Contender.SYNC, PARAMS));
        assertTrue(Double.isNaN(Model.speedup(s, Contender.ASYNC, PARAMS)));
    }

    @Test
    void theSyncServerIsItsOwnBaseline() {
        assertEquals(1.0, Model.speedup(clients(200, 100, 100), Contender.SYNC, PARAMS), EPS);
        assertEquals(1.0, Model.speedup(fanOut(200, 50, Strategy.SEQUENTIAL), Contender.SYNC, PARAMS), EPS);
    }
}
