package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import iobench.bench.contender.Contender;
import iobench.bench.contender.Target;
import iobench.bench.contender.TargetModel;
import iobench.core.Strategy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetKeysTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);

    private static BenchPlan parse(String yaml) {
        return ScenarioFileParser.parse("t.yaml", yaml, CAPS, List.of());
    }

    private static BenchPlan parse(String yaml, String... targetOptions) {
        return ScenarioFileParser.parse("t.yaml", yaml, CAPS, java.util.Arrays.stream(targetOptions)
                .map(Target::parseOption).toList());
    }

    private static final String MODEL_ONLY = """
            targets:
              - name: flask
                model: pool
                threads: 8
            defaults: {servers: [flask, async]}
            scenarios:
              - {name: c, kind: clients, delay: 0.1, clients: 20}
            """;

    private static String failure(String yaml) {
        return assertThrows(ScenarioFileException.class, () -> parse(yaml)).getMessage();
    }

    private static final String ISSUE_SHAPE = """
            targets:
              - name: flask
                url: http://127.0.0.1:8002/benchmark/flask-io-test?delay={delay}&concurrent={concurrent}
                model: pool
                threads: 8
              - name: quart
                url: http://127.0.0.1:8003/benchmark/quart-io-test?delay={delay}&concurrent={concurrent}
                model: async
            defaults:
              servers: [flask, quart, async]
              baseline: flask
            scenarios:
              - {name: f, kind: fan-out, delay: 0.1, concurrent: 10}
              - {name: c, kind: clients, delay: 0.1, clients: 20, servers: [async, quart]}
            """;

    @Test
    void theIssuesShapeNamesTwoTargetsKeepsTheListedOrderAndTheBaseline() {
        BenchPlan plan = parse(ISSUE_SHAPE);
        assertEquals(List.of("flask", "quart"), plan.targets().stream().map(t -> t.name()).toList());
        assertEquals(TargetModel.POOL, plan.targets().get(0).model());
        assertEquals(8, plan.targets().get(0).threads());
        assertEquals(TargetModel.ASYNC, plan.targets().get(1).model());
        assertEquals(URI.create("http://127.0.0.1:8002/benchmark/flask-io-test?delay=0.100&concurrent=10"),
                plan.targets().get(0).url().fill(100, 10, Strategy.SEQUENTIAL, 1));
        assertEquals(List.of(new Contender("flask"), new Contender("quart"), Contender.ASYNC),
                plan.scenarios().get(0).servers());
        assertEquals(List.of(Contender.ASYNC, new Contender("quart")), plan.scenarios().get(1).servers());
        assertEquals(new Contender("flask"), plan.baseline());
    }

    @Test
    void aFileOfTodayHasNoTargetsAndNoBaseline() {
        BenchPlan plan = parse("scenarios:\n  - {name: a, kind: fan-out, delay: 0.1, concurrent: 2, servers: [virtual, sync]}\n");
        assertEquals(List.of(), plan.targets());
        assertEquals(null, plan.baseline());
        assertEquals(List.of(Contender.SYNC, Contender.VIRTUAL), plan.scenarios().get(0).servers());
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithLineAndColumn() {
        String yaml = ISSUE_SHAPE.replace("concurrent={concurrent}\n    model: async", "n={count}\n    model: async");
        assertEquals("t.yaml:7:10: targets[1].url: '{count}' at character 63 of "
                + "'http://127.0.0.1:8003/benchmark/quart-io-test?delay={delay}&n={count}' is not a placeholder; "
                + "expected {delay}, {concurrent}, {strategy} or {request_id}", failure(yaml));
    }

    @Test
    void aBadUrlIsRefusedWithLineAndColumn() {
        String yaml = ISSUE_SHAPE.replace("http://127.0.0.1:8002/benchmark", "127.0.0.1:8002/benchmark");
        String message = failure(yaml);
        assertEquals("t.yaml:3:10: targets[0].url: '127.0.0.1:8002/benchmark/flask-io-test?delay={delay}"
                + "&concurrent={concurrent}' is not a URL (Illegal character in scheme name at character 1 once filled); "
                + "expected an http:// or https:// URL with a host, such as "
                + "http://127.0.0.1:8002/io-test?delay={delay}&concurrent={concurrent}", message);
    }

    @Test
    void aPoolNeedsThreadsAndOnlyAPoolHasThem() {
        assertEquals("t.yaml:2:5: targets[0].threads: missing; expected the pool's thread count, an integer from 1 to 100000",
                failure(ISSUE_SHAPE.replace("    threads: 8\n", "")));
        assertEquals("t.yaml:9:5: targets[1].threads: only a pool has threads; model 'async' serves everything in one wave",
                failure(ISSUE_SHAPE.replace("    model: async\n", "    model: async\n    threads: 4\n")));
        assertEquals("t.yaml:4:12: targets[0].model: 'threads' is not allowed; expected one of pool, async, virtual",
                failure(ISSUE_SHAPE.replace("model: pool", "model: threads")));
    }

    @Test
    void namesMustBeNewUniqueAndKnownWhereUsed() {
        assertEquals("t.yaml:6:11: targets[1].name: 'flask' is used twice; expected a unique name",
                failure(ISSUE_SHAPE.replace("name: quart", "name: flask")));
        assertEquals("t.yaml:2:11: targets[0].name: 'sync' is one of our servers; expected another name "
                + "(sync, async and virtual are predefined targets)", failure(ISSUE_SHAPE.replace("name: flask", "name: sync")));
        assertEquals("t.yaml:10:27: defaults.servers: 'django' is not allowed; expected one of sync, async, virtual, "
                + "flask, quart", failure(ISSUE_SHAPE.replace("servers: [flask, quart, async]", "servers: [flask, quart, django]")));
        assertEquals("t.yaml:11:13: defaults.baseline: 'django' is not allowed; expected sync, async, virtual or a "
                + "target the 'targets' list names", failure(ISSUE_SHAPE.replace("baseline: flask", "baseline: django")));
    }

    private static final String NO_WIDTH = """
            targets:
              - name: plain
                url: http://127.0.0.1:9000/w?s={delay}
                model: async
            defaults: {servers: [async, plain]}
            scenarios:
              - {name: c, kind: clients, delay: 0.1, clients: 2}
              - {name: r, kind: rate, delay: 0.1, rate: 10, duration: 1s}
              - {name: f, kind: fan-out, delay: 0.1, concurrent: 4}
            """;

    @Test
    void aFanOutOfATargetWithoutConcurrentIsRefusedWhereItsServersListIt() {
        // From the defaults' list...
        assertEquals("t.yaml:5:29: defaults.servers: fan-out scenario 'f' lists target 'plain', whose URL "
                + "'http://127.0.0.1:9000/w?s={delay}' has no {concurrent}; expected a URL that passes the fan-out "
                + "width, such as http://127.0.0.1:9000/w?s={delay}&concurrent={concurrent}, or the target only in "
                + "clients and rate scenarios", failure(NO_WIDTH));
        // ...or from the scenario's own.
        assertEquals("t.yaml:9:67: scenarios[2].servers: fan-out scenario 'f' lists target 'plain', whose URL "
                + "'http://127.0.0.1:9000/w?s={delay}' has no {concurrent}; expected a URL that passes the fan-out "
                + "width, such as http://127.0.0.1:9000/w?s={delay}&concurrent={concurrent}, or the target only in "
                + "clients and rate scenarios",
                failure(NO_WIDTH.replace("concurrent: 4}", "concurrent: 4, servers: [plain]}")));
    }

    @Test
    void clientsAndRateScenariosNeedNoConcurrentAndAFanOutOfOurServersAloneIsFine() {
        BenchPlan plan = parse(NO_WIDTH.replace("concurrent: 4}", "concurrent: 4, servers: [async]}"));
        assertEquals(3, plan.scenarios().size());
        assertEquals(List.of(Contender.ASYNC, new Contender("plain")), plan.scenarios().get(1).servers());
    }

    @Test
    void aTargetOptionWithoutConcurrentInAFanOutIsRefusedTheSameWay() {
        String yaml = """
                defaults: {servers: [mine]}
                scenarios:
                  - {name: f, kind: fan-out, delay: 0.1, concurrent: 4}
                """;
        ScenarioFileException e = assertThrows(ScenarioFileException.class,
                () -> parse(yaml, "mine=http://127.0.0.1:9000/w"));
        assertEquals("t.yaml:1:22: defaults.servers: fan-out scenario 'f' lists target 'mine', whose URL (from --target) "
                + "'http://127.0.0.1:9000/w' has no {concurrent}; expected a URL that passes the fan-out width, such as "
                + "http://127.0.0.1:9000/w?concurrent={concurrent}, or the target only in clients and rate scenarios",
                e.getMessage());
        // with {concurrent} it is a fan-out like any other
        assertEquals(1, parse(yaml, "mine=http://127.0.0.1:9000/w?n={concurrent}").scenarios().size());
    }

    @Test
    void anEntryOfOnlyAModelCompletesTheTargetOptionOfItsName() {
        BenchPlan plan = parse(MODEL_ONLY, "flask=http://127.0.0.1:9000/f?d={delay}", "other=http://127.0.0.1:9001/o");
        assertEquals(List.of("flask", "other"), plan.targets().stream().map(Target::name).toList());
        Target flask = plan.targets().get(0);
        assertEquals("http://127.0.0.1:9000/f?d={delay}", flask.url().text());
        assertEquals(TargetModel.POOL, flask.model());
        assertEquals(8, flask.threads());
        // --target alone: no model, so no prediction
        assertEquals(null, plan.targets().get(1).model());
        // the command line's URL wins over the file's
        BenchPlan both = parse(MODEL_ONLY.replace("    model: pool", "    url: http://127.0.0.1:1/file\n    model: pool"),
                "flask=http://127.0.0.1:9000/f?d={delay}");
        assertEquals("http://127.0.0.1:9000/f?d={delay}", both.targets().get(0).url().text());
    }

    @Test
    void anEntryOfOnlyAModelWithoutItsTargetOptionSaysWhereTheUrlCanCome() {
        assertEquals("t.yaml:2:5: targets[0].url: missing; expected a URL template such as "
                + "http://127.0.0.1:8002/io?delay={delay}, or --target flask=URL on the command line", failure(MODEL_ONLY));
        // a --target of another name does not complete it
        ScenarioFileException e = assertThrows(ScenarioFileException.class,
                () -> parse(MODEL_ONLY, "quart=http://127.0.0.1:9001/q"));
        assertEquals(failure(MODEL_ONLY), e.getMessage());
    }
}
