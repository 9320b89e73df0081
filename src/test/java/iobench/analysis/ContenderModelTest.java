package iobench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import iobench.core.Strategy;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.TargetModel;
import iobench.bench.contender.Contender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContenderModelTest {
    private static final double EPS = 1e-9;
    private static final ModelParams PARAMS = new ModelParams(8, 32, Map.of());

    private static Scenario clients(long delayMs, int clients, int requests) {
        return new ClientsScenario(new Scenario.Common("c", delayMs, 1, List.of(Contender.SYNC), Strategy.SEQUENTIAL, null),
                clients, requests);
    }

    private static Scenario fanOut(long delayMs, int k, Strategy strategy) {
        return new FanOutScenario(new Scenario.Common("f", delayMs, 1, List.of(Contender.SYNC), strategy, null), k);
    }

    @Test
    void aNamedPoolOfEightThreadsServesTwentyClientsInThreeWavesAsSyncWouldWithEight() {
        Scenario s = clients(1000, 20, 20);
        assertEquals(3.0, Model.predictedDurationS(s, ContenderModel.pool(8)), EPS);
        assertEquals(Model.predictedDurationS(s, Contender.SYNC, PARAMS),
                Model.predictedDurationS(s, ContenderModel.pool(8)), EPS);
        assertEquals(1.0, Model.predictedDurationS(s, ContenderModel.oneWave(TargetModel.ASYNC)), EPS);
        assertEquals(3.0, Model.predictedDurationS(s, ContenderModel.pool(8))
                / Model.predictedDurationS(s, ContenderModel.oneWave(TargetModel.VIRTUAL)), EPS);
    }

    @Test
    void aNamedPoolFansOutInWavesOfItsOwnThreads() {
        Scenario parallel = fanOut(200, 20, Strategy.PARALLEL);
        assertEquals(3 * 0.2, Model.predictedDurationS(parallel, ContenderModel.pool(8)), EPS);
        assertEquals(0.2, Model.predictedDurationS(parallel, ContenderModel.oneWave(TargetModel.VIRTUAL)), EPS);
        Scenario sequential = fanOut(200, 20, Strategy.SEQUENTIAL);
        assertEquals(20 * 0.2, Model.predictedDurationS(sequential, ContenderModel.pool(8)), EPS);
        assertEquals(0.2, Model.predictedDurationS(sequential, ContenderModel.oneWave(TargetModel.ASYNC)), EPS);
    }

    @Test
    void ourServersKeepTheirModel() {
        assertEquals(new ContenderModel(TargetModel.POOL, 8, 32), ContenderModel.of(Contender.SYNC, PARAMS));
        assertEquals(ContenderModel.oneWave(TargetModel.ASYNC), ContenderModel.of(Contender.ASYNC, PARAMS));
        assertThrows(IllegalArgumentException.class, () -> ContenderModel.of(new Contender("flask"), PARAMS));
        assertThrows(IllegalArgumentException.class, () -> ContenderModel.pool(0));
    }
}
