package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.run.ScenarioFiles;
import iobench.scenario.BenchPlan;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.testing.TestSettings;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * examples/scenarios-vs-python.yaml as shipped, read as bench reads --scenarios: the README's
 * five-contender run and examples/python describe this plan, so an edit that changes it shows here.
 */
class ScenariosVsPythonFileTest {
    private static final Path FILE = Path.of("examples/scenarios-vs-python.yaml");

    @Test
    void itBenchesFiveContendersAgainstFlaskInThirteenScenarios() {
        BenchPlan plan = ScenarioFiles.plan(ScenarioFiles.read(FILE), TestSettings.defaults(), List.of());

        assertEquals(13, plan.scenarios().size());
        List<Contender> five = List.of(new Contender("flask"), new Contender("quart"), Contender.SYNC,
                Contender.ASYNC, Contender.VIRTUAL);
        // No scenario names its own servers: each takes the defaults' list, in the file's order.
        for (Scenario s : plan.scenarios()) {
            assertEquals(five, s.servers(), s.name());
        }
        assertEquals(new Contender("flask"), plan.baseline());

        Map<String, Target> targets = plan.targets().stream().collect(Collectors.toMap(Target::name, Function.identity()));
        assertEquals(TargetModel.POOL, targets.get("flask").model());
        assertEquals(8, targets.get("flask").threads());
        assertEquals(TargetModel.ASYNC, targets.get("quart").model());
    }
}
