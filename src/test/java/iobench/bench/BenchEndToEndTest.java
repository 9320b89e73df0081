package iobench.bench;

import iobench.scenario.BenchPlan;
import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.scenario.ScenarioFileParser;
import iobench.scenario.ScenarioKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.cli.Cli;
import iobench.bench.contender.Contender;
import iobench.core.ServerRole;
import iobench.report.CsvReport;
import iobench.analysis.Model;
import iobench.analysis.ModelParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bench run through the CLI: embedded sim and servers on free ports of 127.0.0.1, short
 * delays, then the files it wrote are read back and checked against physics: no run can beat
 * the waves its server must wait through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchEndToEndTest {
    /**
     * The servers compared. Add {@code ASYNC} here once iobench.server.async.AsyncServer is real:
     * everything below (the file, the row count, the lower bounds from the model) follows from it.
     */
    static final List<ServerRole> SERVERS = List.of(ServerRole.SYNC, ServerRole.ASYNC, ServerRole.VIRTUAL);
    static final int THREADS = 4;
    static final int FANOUT_THREADS = 4;
    static final int REPETITIONS = 2;
    static final double DELAY_S = 0.05;

    private int exitCode;
    private String out;
    private String err;
    private Path reportDir;
    private BenchPlan plan;
    private List<Map<String, String>> rows;
    private List<Map<String, String>> warmupRows;
    private String warmupHeader;
    private long warmupsInResultsCsv;
    private List<String> header;
    private String markdown;

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runTheBench(@TempDir Path dir) throws IOException {
        String servers = SERVERS.stream().map(ServerRole::label).collect(Collectors.joining(", ", "[", "]"));
        String yaml = String.format(Locale.ROOT, """
                defaults:
                  repetitions: %d
                  warmup: 1
                  servers: %s
                scenarios:
                  - {name: fan-seq, kind: fan-out, delay: %s, concurrent: 10}
                  - {name: fan-par, kind: fan-out, delay: %s, concurrent: 10, strategy: parallel}
                  - {name: clients-20, kind: clients, delay: %s, clients: 20}
                """, REPETITIONS, servers, DELAY_S, DELAY_S, DELAY_S);
        Path scenarios = Files.writeString(dir.resolve("small.yaml"), yaml, StandardCharsets.UTF_8);
        plan = ScenarioFileParser.parse("small.yaml", yaml, ScenarioFileParser.Caps.of(60_000, 1000), List.of());
        reportDir = dir.resolve("out");

        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        long startNs = System.nanoTime();
        exitCode = Cli.create(new PrintWriter(outText, true), new PrintWriter(errText, true)).execute("bench",
                "--scenarios", scenarios.toString(), "--out", reportDir.toString(),
                "--threads", Integer.toString(THREADS), "--fanout-threads", Integer.toString(FANOUT_THREADS));
        System.out.printf(Locale.ROOT, "BenchEndToEndTest: bench took %.1f s%n", (System.nanoTime() - startNs) / 1e9);
        out = outText.toString();
        err = errText.toString();

        // results.csv and warmup.csv (same header) read into one list; the rows keep their phase.
        List<String> csv = new ArrayList<>(Files.exists(reportDir.resolve("results.csv"))
                ? Files.readAllLines(reportDir.resolve("results.csv")) : List.of());
        warmupsInResultsCsv = csv.stream().filter(l -> l.endsWith(",warmup")).count();
        if (!csv.isEmpty() && Files.exists(reportDir.resolve("warmup.csv"))) {
            List<String> warmupCsv = Files.readAllLines(reportDir.resolve("warmup.csv"));
            warmupHeader = warmupCsv.isEmpty() ? "" : warmupCsv.get(0);
            csv.addAll(warmupCsv.subList(Math.min(1, warmupCsv.size()), warmupCsv.size()));
        }
        header = csv.isEmpty() ? List.of() : Arrays.asList(csv.get(0).split(",", -1));
        rows = new ArrayList<>();
        warmupRows = new ArrayList<>();
        for (String line : csv.subList(Math.min(1, csv.size()), csv.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < fields.length ? fields[i] : null);
            }
            row.put("#fields", Integer.toString(fields.length));
            (row.get("phase").equals("warmup") ? warmupRows : rows).add(row);
        }
        markdown = Files.exists(reportDir.resolve("report.md"))
                ? Files.readString(reportDir.resolve("report.md"), StandardCharsets.UTF_8) : "";
    }

    private String context() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }

    @Test
    void theRunEndsWithExitCode0AndWritesBothFiles() {
        assertEquals(0, exitCode, this::context);
        assertTrue(Files.isRegularFile(reportDir.resolve("results.csv")), this::context);
        assertTrue(Files.isRegularFile(reportDir.resolve("report.md")), this::context);
        assertTrue(out.contains("Report: " + reportDir.resolve("report.md")), out);
    }

    @Test
    void theCsvHasTheContractColumnsAndOneRowPerScenarioServerAndRepetition() {
        assertEquals(CsvReport.COLUMNS, header);
        assertEquals(plan.scenarios().size() * SERVERS.size() * REPETITIONS, rows.size(), this::context);
        for (Scenario s : plan.scenarios()) {
            for (ServerRole role : SERVERS) {
                List<Map<String, String>> mine = rows(s.name(), role);
                assertEquals(List.of("1", "2"), mine.stream().map(r -> r.get("repetition")).sorted().toList(),
                        s.name() + " " + role.label());
                for (Map<String, String> r : mine) {
                    String what = s.name() + " " + role.label() + " rep " + r.get("repetition");
                    assertEquals(Integer.toString(header.size()), r.get("#fields"), what);
                    assertEquals(s.kind().label(), r.get("kind"), what);
                    assertEquals("0.050", r.get("delay_s"), what);
                    // A run's shape: K calls in one request for fan-out, N clients' requests of one call each.
                    int concurrent = s instanceof FanOutScenario f ? f.concurrent() : 1;
                    int clients = s instanceof ClientsScenario c ? c.clients() : 1;
                    int requests = s instanceof ClientsScenario c ? c.requests() : 1;
                    assertEquals(Integer.toString(concurrent), r.get("concurrent"), what);
                    assertEquals(Integer.toString(clients), r.get("clients"), what);
                    assertEquals(Integer.toString(requests), r.get("requests"), what);
                    int expectedSuccesses = s.kind() == ScenarioKind.FAN_OUT ? concurrent : requests;
                    assertEquals(Integer.toString(expectedSuccesses), r.get("successful"), what);
                    assertEquals("0", r.get("failed"), what);
                    assertEquals("", r.get("errors"), what);
                    assertEquals("", r.get("error_samples"), what);
                    assertEquals(s.kind() == ScenarioKind.FAN_OUT ? s.strategy().label() : "", r.get("strategy"), what);
                }
            }
        }
    }

    @Test
    void theWarmupsAreInWarmupCsvLabelledAndWithRepetition0() {
        assertEquals(String.join(",", header), warmupHeader, "warmup.csv has the columns of results.csv");
        assertEquals(0, warmupsInResultsCsv, "results.csv holds the measured runs only");
        assertEquals(plan.scenarios().size() * SERVERS.size() * plan.warmup().rounds(), warmupRows.size(), this::context);
        warmupRows.forEach(r -> assertEquals("0", r.get("repetition"), r::toString));
        rows.forEach(r -> assertEquals("measured", r.get("phase"), r::toString));
    }

    @Test
    void noRunBeatsTheWavesItsServerMustWaitThrough() {
        // The model's duration is a lower bound: a sequential fan-out waits K delays, a pool of T threads
        // serves N clients in ceil(N / T) waves, a parallel pool of P threads serves K calls in ceil(K / P).
        ModelParams params = new ModelParams(THREADS, FANOUT_THREADS, Map.of());
        for (Scenario s : plan.scenarios()) {
            for (ServerRole role : SERVERS) {
                double floor = Model.predictedDurationS(s, Contender.of(role), params);
                for (Map<String, String> r : rows(s.name(), role)) {
                    double d = Double.parseDouble(r.get("duration_s"));
                    assertTrue(d >= floor - 0.001, String.format(Locale.ROOT, "%s %s rep %s took %.4f s, below %.3f s",
                            s.name(), role.label(), r.get("repetition"), d, floor));
                }
            }
        }
        // Spelled out for the cases the brief names.
        assertTrue(minDuration("fan-seq", ServerRole.SYNC) >= 10 * DELAY_S - 0.001);
        assertTrue(minDuration("clients-20", ServerRole.SYNC) >= Math.ceil(20.0 / THREADS) * DELAY_S - 0.001);
        assertTrue(minDuration("fan-par", ServerRole.SYNC) >= Math.ceil(10.0 / FANOUT_THREADS) * DELAY_S - 0.001);
    }

    @Test
    void theVirtualServerHoldsWhatTheBoundedPoolQueues() {
        // fan-par: 10 calls at once against 3 waves of 4; clients-20: 20 requests at once against 5 waves of 4.
        // Generous: the virtual server only has to beat the sync server's median, not the model.
        assertTrue(medianDuration("fan-par", ServerRole.VIRTUAL) < medianDuration("fan-par", ServerRole.SYNC),
                this::context);
        assertTrue(medianDuration("fan-par", ServerRole.VIRTUAL) < 10 * DELAY_S, "parallel beats sequential");
        assertTrue(medianDuration("clients-20", ServerRole.VIRTUAL) < medianDuration("clients-20", ServerRole.SYNC),
                this::context);
    }

    @Test
    void theMarkdownReportNamesEveryScenarioAndHasTheSummary() {
        for (Scenario s : plan.scenarios()) {
            assertTrue(markdown.contains("**" + s.name() + "**"), s.name());
        }
        for (ServerRole role : SERVERS) {
            assertTrue(markdown.contains("| " + role.label() + " |"), role.label());
        }
        assertTrue(markdown.contains("## Summary"), markdown);
        assertTrue(markdown.contains("| sync pool | " + THREADS + " request threads; parallel fan-out pool "
                + FANOUT_THREADS + " threads |"), "the model's T and P come from the sync server's /health");
        assertTrue(!markdown.contains("not valid:") && !markdown.contains("## Errors"), markdown);
    }

    private List<Map<String, String>> rows(String scenario, ServerRole role) {
        return rows.stream().filter(r -> r.get("scenario").equals(scenario) && r.get("server").equals(role.label()))
                .toList();
    }

    private double minDuration(String scenario, ServerRole role) {
        return rows(scenario, role).stream().mapToDouble(r -> Double.parseDouble(r.get("duration_s"))).min()
                .orElseThrow();
    }

    private double medianDuration(String scenario, ServerRole role) {
        double[] d = rows(scenario, role).stream().mapToDouble(r -> Double.parseDouble(r.get("duration_s"))).sorted()
                .toArray();
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }
}
