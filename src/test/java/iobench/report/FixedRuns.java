package iobench.report;

import iobench.analysis.Environment;
import iobench.analysis.ModelParams;
import iobench.scenario.BenchPlan;
import iobench.scenario.ScenarioFileParser;
import iobench.scenario.ScenarioKind;
import iobench.bench.metrics.RunBuilder;
import iobench.bench.metrics.RunConditions;
import iobench.bench.metrics.RunCosts;
import iobench.bench.metrics.RunResult;
import iobench.bench.contender.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bench run made by hand: four scenarios, three servers, one scenario broken by failures,
 * and warm-up runs so bad that any report counting them would show it. Every figure is chosen
 * so that medians, speedups and model values can be checked by arithmetic (see ReportGoldenTest).
 */
public final class FixedRuns {
    public static final String SCENARIOS = """
            defaults:
              repetitions: 3
              warmup: 1
            scenarios:
              - {name: fan-seq, kind: fan-out, delay: 0.1, concurrent: 10, servers: [sync, async, virtual]}
              - {name: fan-par, kind: fan-out, delay: 0.2, concurrent: 50, servers: [sync, virtual], strategy: parallel}
              - {name: clients-100, kind: clients, delay: 0.2, clients: 100}
              - {name: broken, kind: clients, delay: 0.5, clients: 20}
            """;

    public static final ModelParams MODEL = new ModelParams(8, 32, Map.of());

    public static final Environment ENVIRONMENT = new Environment("0.1.0", "OpenJDK 64-Bit Server VM 21.0.5+11-LTS", 8,
            "Linux 6.1.0 (amd64)", "golden.yaml", "2025-01-02T03:04:05+01:00",
            "iobench bench --scenarios golden.yaml --out reports/golden",
            List.of("iobench sim on http://127.0.0.1:8001", "iobench sync on http://127.0.0.1:8002",
                    "iobench async on http://127.0.0.1:8003", "iobench virtual on http://127.0.0.1:8004"),
            "412 MiB", "in-process: servers and load generator in one JVM");

    private FixedRuns() {
    }

    public static BenchPlan plan() {
        return ScenarioFileParser.parse("golden.yaml", SCENARIOS, ScenarioFileParser.Caps.of(60_000, 1000), List.of());
    }

    /** Warm-ups first, then repetitions, as the runner orders them. */
    public static List<RunResult> runs() {
        List<RunResult> runs = new ArrayList<>();
        // fan-seq: d = 0.1 s, K = 10, sequential.
        runs.add(fanOutWarmupThatFailed("fan-seq", Contender.SYNC, 100, 10));
        runs.add(fanOutWarmupThatFailed("fan-seq", Contender.ASYNC, 100, 10));
        runs.add(fanOutWarmupThatFailed("fan-seq", Contender.VIRTUAL, 100, 10));
        runs.add(fanOut("fan-seq", Contender.SYNC, 1, 100, 10, 1.010));
        runs.add(fanOut("fan-seq", Contender.ASYNC, 1, 100, 10, 0.105));
        runs.add(fanOut("fan-seq", Contender.VIRTUAL, 1, 100, 10, 1.015));
        runs.add(fanOut("fan-seq", Contender.ASYNC, 2, 100, 10, 0.110));
        runs.add(fanOut("fan-seq", Contender.VIRTUAL, 2, 100, 10, 1.012));
        runs.add(fanOut("fan-seq", Contender.SYNC, 2, 100, 10, 1.030));
        runs.add(fanOut("fan-seq", Contender.VIRTUAL, 3, 100, 10, 1.018));
        runs.add(fanOut("fan-seq", Contender.SYNC, 3, 100, 10, 1.020));
        runs.add(fanOut("fan-seq", Contender.ASYNC, 3, 100, 10, 0.102));
        // fan-par: d = 0.2 s, K = 50, parallel.
        runs.add(fanOutWarmupThatFailed("fan-par", Contender.SYNC, 50, 50));
        runs.add(fanOutWarmupThatFailed("fan-par", Contender.VIRTUAL, 50, 50));
        runs.add(fanOut("fan-par", Contender.SYNC, 1, 200, 50, 0.410));
        runs.add(fanOut("fan-par", Contender.VIRTUAL, 1, 200, 50, 0.205));
        runs.add(fanOut("fan-par", Contender.VIRTUAL, 2, 200, 50, 0.202));
        runs.add(fanOut("fan-par", Contender.SYNC, 2, 200, 50, 0.420));
        runs.add(fanOut("fan-par", Contender.SYNC, 3, 200, 50, 0.400));
        runs.add(fanOut("fan-par", Contender.VIRTUAL, 3, 200, 50, 0.203));
        // clients-100: d = 0.2 s, 100 clients.
        runs.add(clientsRun("clients-100", Contender.SYNC, 0, 50, 100, 90, 10, Map.of("timeout", 10), 9.0, 1, 1, 1)
                .errorSamples(Map.of("timeout", "InterruptedIOException: timeout")).build());
        runs.add(clients("clients-100", Contender.ASYNC, 0, 50, 100, 100, 0, Map.of(), 9.0, 1, 1, 1));
        runs.add(clients("clients-100", Contender.SYNC, 1, 200, 100, 100, 0, Map.of(), 2.62, 1400, 2600, 2615));
        runs.add(clients("clients-100", Contender.ASYNC, 1, 200, 100, 100, 0, Map.of(), 0.21, 205, 209, 210));
        runs.add(clients("clients-100", Contender.ASYNC, 2, 200, 100, 100, 0, Map.of(), 0.22, 210, 215, 219));
        runs.add(clients("clients-100", Contender.SYNC, 2, 200, 100, 100, 0, Map.of(), 2.65, 1410, 2620, 2648));
        runs.add(clients("clients-100", Contender.SYNC, 3, 200, 100, 100, 0, Map.of(), 2.61, 1390, 2610, 2612));
        runs.add(clients("clients-100", Contender.ASYNC, 3, 200, 100, 100, 0, Map.of(), 0.215, 207, 212, 214));
        // broken: d = 0.5 s, 20 clients; the async server loses calls in two repetitions.
        runs.add(clients("broken", Contender.SYNC, 0, 50, 20, 20, 0, Map.of(), 0.2, 50, 51, 52));
        runs.add(clients("broken", Contender.ASYNC, 0, 50, 20, 20, 0, Map.of(), 0.06, 50, 51, 52));
        runs.add(clients("broken", Contender.SYNC, 1, 500, 20, 20, 0, Map.of(), 1.51, 1000, 1505, 1509));
        runs.add(clients("broken", Contender.ASYNC, 1, 500, 20, 20, 0, Map.of(), 0.51, 503, 508, 509));
        runs.add(clientsRun("broken", Contender.ASYNC, 2, 500, 20, 15, 5, Map.of("downstream-refused", 5), 0.05, 2,
                505, 506).errorSamples(Map.of("downstream-refused",
                "ConnectException: Connection refused: /127.0.0.1:8001")).staleRetries(3).build());
        runs.add(clients("broken", Contender.SYNC, 2, 500, 20, 20, 0, Map.of(), 1.52, 1001, 1510, 1515));
        runs.add(clients("broken", Contender.SYNC, 3, 500, 20, 20, 0, Map.of(), 1.50, 999, 1499, 1500));
        // Repetition 2's refusal is the first; this timeout's message has a cell bar, commas and a tail to cut.
        runs.add(clientsRun("broken", Contender.ASYNC, 3, 500, 20, 18, 2,
                Map.of("downstream-refused", 1, "timeout", 1), 5.5, 502, 5500, 5500).errorSamples(Map.of(
                "downstream-refused", "ConnectException: a later refusal, not the first",
                "timeout", "SocketTimeoutException: timeout | read of GET /benchmark/io-test?delay=0.500&concurrent=1, "
                        + "waited 5.5 s,\n on 127.0.0.1:8003, then the connection was closed by the load generator"))
                .build());
        return withCosts(runs);
    }

    /**
     * clients-100 as an --isolate run measured it: each server's own CPU and memory, and what the
     * machine and the load generator did. Repetition r of each server gets fixed, distinct figures.
     */
    private static List<RunResult> withCosts(List<RunResult> runs) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : runs) {
            if (!r.scenario().equals("clients-100") || r.warmup()) {
                out.add(r);
                continue;
            }
            int rep = r.repetition();
            RunCosts costs = switch (r.server().name()) {
                case "sync" -> new RunCosts(0.9 + 0.1 * rep, 60.0, 21, 0, 30.0 + rep, "process");
                case "async" -> new RunCosts(0.4 + 0.1 * rep, 50.0, 12, 0, 100.0 + rep, "process");
                case "virtual" -> new RunCosts(0.7, 90.0, 27, 100, 35.0, "process");
                default -> throw new IllegalStateException("no fixed costs for " + r.server());
            };
            out.add(r.with(costs, new RunConditions(40.0 + rep, 2.5 * rep, 100.0 * rep)));
        }
        return out;
    }

    private static RunResult fanOut(String name, Contender role, int rep, long delayMs, int k, double seconds) {
        long ns = Math.round(seconds * 1e9);
        double ms = seconds * 1000;
        return RunBuilder.run(name, ScenarioKind.FAN_OUT, role).repetition(rep).offered(delayMs, k, 1, 1)
                .outcome(k, 0, Map.of()).durationNs(ns).serverDurationS(seconds - 0.002)
                .latency(RunBuilder.latency(ms, ms, ms, ms, 1)).build();
    }

    /** A warm-up that failed every call and took 99 s: harmless only if warm-ups are left out. */
    private static RunResult fanOutWarmupThatFailed(String name, Contender role, long delayMs, int k) {
        return RunBuilder.run(name, ScenarioKind.FAN_OUT, role).repetition(0).warmup(true).offered(delayMs, k, 1, 1)
                .outcome(0, k, Map.of("refused", 1))
                .errorSamples(Map.of("refused", "ConnectException: Failed to connect to /127.0.0.1:8002"))
                .durationNs(99_000_000_000L).latency(RunBuilder.latency(99_000, 99_000, 99_000, 99_000, 1)).build();
    }

    private static RunResult clients(String name, Contender role, int rep, long delayMs, int clients, int ok,
                                     int failed, Map<String, Integer> errors, double seconds, double p50Ms,
                                     double p99Ms, double maxMs) {
        return clientsRun(name, role, rep, delayMs, clients, ok, failed, errors, seconds, p50Ms, p99Ms, maxMs).build();
    }

    private static RunBuilder clientsRun(String name, Contender role, int rep, long delayMs, int clients, int ok,
                                         int failed, Map<String, Integer> errors, double seconds, double p50Ms,
                                         double p99Ms, double maxMs) {
        long ns = Math.round(seconds * 1e9);
        double p90Ms = (p50Ms + p99Ms) / 2;
        return RunBuilder.run(name, ScenarioKind.CLIENTS, role).repetition(rep).warmup(rep == 0)
                .offered(delayMs, 1, clients, clients).outcome(ok, failed, errors).durationNs(ns)
                .latency(RunBuilder.latency(p50Ms, p90Ms, p99Ms, maxMs, clients));
    }
}
