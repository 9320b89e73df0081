package iobench.report.charts;

import iobench.scenario.ClientsScenario;
import iobench.scenario.FanOutScenario;
import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;
import iobench.analysis.BenchReport;
import iobench.analysis.Model;
import iobench.core.ReportFiles;
import iobench.analysis.ScenarioSummary;
import iobench.analysis.ServerStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG charts (XChart), each readable without the text: titled, axes with units,
 * a legend, and the model drawn where there is one. A chart is drawn only when the run has its data.
 */
public final class ChartWriter {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 540;

    private ChartWriter() {
    }

    /** Writes every chart the report has data for into {@code dir}; returns them in report order. */
    public static List<iobench.report.charts.Chart> write(BenchReport report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<iobench.report.charts.Chart> written = new ArrayList<>();
        List<ScenarioSummary> fanOut = sortedBy(report, FanOutScenario.class, FanOutScenario::concurrent);
        XYChart served = servedAtOnce(report);
        if (served != null) {
            save(dir, "throughput-vs-clients.png", "Requests served at once (throughput x delay) against clients",
                    served, written);
        }
        XYChart latency = latencyInDelays(report);
        if (latency != null) {
            save(dir, "latency-vs-clients.png", "p50 and p99 latency in delays against clients", latency, written);
        }
        if (!fanOut.isEmpty()) {
            save(dir, "fanout-duration.png", "Fan-out duration against K", fanOutDuration(fanOut), written);
        }
        XYChart rate = RateCharts.p99AgainstOfferedRate(report);
        if (rate != null) {
            style(rate);
            save(dir, "p99-vs-rate.png", "p99 latency against offered rate, with the SLO", rate, written);
        }
        CategoryChart cpu = cpuPerCall(report);
        if (cpu != null) {
            save(dir, "cpu-per-call.png", "CPU ms per downstream call", cpu, written);
        }
        return written;
    }

    /** The scenarios of one kind, by {@code key}; the charts below take each list as that kind's. */
    private static <T extends Scenario> List<ScenarioSummary> sortedBy(BenchReport report, Class<T> kind,
                                                                       java.util.function.ToIntFunction<T> key) {
        return report.scenarios().stream().filter(s -> kind.isInstance(s.scenario()))
                .sorted(Comparator.comparingInt(s -> key.applyAsInt(kind.cast(s.scenario())))).toList();
    }

    private static ClientsScenario asClients(ScenarioSummary s) {
        return (ClientsScenario) s.scenario();
    }

    private static FanOutScenario asFanOut(ScenarioSummary s) {
        return (FanOutScenario) s.scenario();
    }

    /*
     * The clients scenarios of a suite run at different delays (the default file: 1 s for 5 clients
     * down to 0.2 s for 200, and 20 ms for sustained-50), so requests per second or latency in ms
     * against clients would join figures of different delays in one line: a vertical spike where two
     * scenarios share a client count, and a model line that means nothing. Both charts therefore
     * plot what the delay does not change: requests served at once (throughput x delay, Little's
     * law with one delay per request) and latency in delays (latency / delay). One line per server
     * then reads across every clients scenario, against the model's own figures: a pool of T
     * threads serves min(N, T) at once, async and virtual all N. A line per server and delay was the
     * other way; with the default file's four delays it is mostly single points, which say less.
     */

    /** Null when no clients scenario has a delay to count in (a target's own time is no delay of ours). */
    static XYChart servedAtOnce(BenchReport report) {
        List<ScenarioSummary> clients = clientsByCount(report);
        XYChart chart = logLog("Requests served at once (throughput x delay) against concurrent clients",
                "clients (requests in flight at once)", "requests served at once (median of repetitions)");
        Map<Contender, double[][]> servers = byServer(clients, (s, st) -> st.throughputRps().median() * delayS(s));
        if (servers.isEmpty()) {
            return null;
        }
        servers.forEach((role, xy) -> chart.addSeries(role.label(), xy[0], xy[1]));
        // The model's own figure: requests x delay / its duration, min(N, T) for a pool in a long run.
        model(chart, "sync model (" + report.model().syncThreads() + " threads)", clients,
                s -> asClients(s).requests() * delayS(s) / Model.predictedDurationS(s.scenario(), Contender.SYNC, report.model()));
        model(chart, "model of all at once (N)", clients, s -> asClients(s).clients());
        return chart;
    }

    /** Null when no clients scenario has a delay to count in. */
    static XYChart latencyInDelays(BenchReport report) {
        List<ScenarioSummary> clients = clientsByCount(report);
        XYChart chart = logLog("Latency in delays against concurrent clients: p50 (solid) and p99 (dashed)",
                "clients (requests in flight at once)", "latency / delay (median of repetitions)");
        Map<Contender, double[][]> p50 = byServer(clients, (s, st) -> st.p50Ms().median() / 1000.0 / delayS(s));
        if (p50.isEmpty()) {
            return null;
        }
        p50.forEach((role, xy) -> chart.addSeries(role.label() + " p50", xy[0], xy[1]));
        byServer(clients, (s, st) -> st.p99Ms().median() / 1000.0 / delayS(s)).forEach((role, xy) -> {
            XYSeries s = chart.addSeries(role.label() + " p99", xy[0], xy[1]);
            s.setLineStyle(dashed(6f, 4f));
        });
        // N clients over the requests served at once (Little's law): ceil(N / T) delays for one wave set.
        model(chart, "sync model (" + report.model().syncThreads() + " threads)", clients,
                s -> asClients(s).clients() * Model.predictedDurationS(s.scenario(), Contender.SYNC, report.model())
                        / (asClients(s).requests() * delayS(s)));
        model(chart, "model of all at once (one delay)", clients, s -> 1.0);
        return chart;
    }

    private static List<ScenarioSummary> clientsByCount(BenchReport report) {
        return sortedBy(report, ClientsScenario.class, ClientsScenario::clients);
    }

    private static double delayS(ScenarioSummary s) {
        return s.scenario().delaySeconds();
    }

    /** A model line, grey and dashed, through the scenarios where it has a figure (not those sent for a time). */
    private static void model(XYChart chart, String name, List<ScenarioSummary> clients,
                              java.util.function.ToDoubleFunction<ScenarioSummary> figure) {
        List<double[]> points = new ArrayList<>();
        for (ScenarioSummary s : clients) {
            double y = figure.applyAsDouble(s);
            if (delayS(s) > 0 && y > 0 && Double.isFinite(y)) {
                points.add(new double[] {asClients(s).clients(), y});
            }
        }
        if (points.isEmpty()) {
            return;
        }
        XYSeries line = chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
        line.setMarker(SeriesMarkers.NONE);
        // Grey: the model is no server; the pool's dashed, all-at-once dotted.
        line.setLineStyle(name.startsWith("sync") ? dashed(6f, 6f) : dashed(2f, 4f));
        line.setLineColor(java.awt.Color.GRAY);
    }

    private static XYChart fanOutDuration(List<ScenarioSummary> fanOut) {
        XYChart chart = logLog("Fan-out: duration of one request against its K downstream calls",
                "K (downstream calls per request)", "duration, s (median)");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (ScenarioSummary s : fanOut) {
            for (ServerStats st : s.servers()) {
                String name = st.server().equals(Contender.ASYNC) ? "async"
                        : st.server().label() + " " + s.scenario().strategy().label();
                double y = st.durationS().median();
                if (y > 0) {
                    series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {asFanOut(s).concurrent(), y});
                }
            }
        }
        series.forEach((name, points) -> {
            points.sort(Comparator.comparingDouble(p -> p[0]));
            chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
        });
        return chart;
    }

    /** Null when no server's CPU could be attributed in this run. */
    private static CategoryChart cpuPerCall(BenchReport report) {
        List<String> scenarios = new ArrayList<>();
        Map<Contender, List<Double>> values = new LinkedHashMap<>();
        for (ScenarioSummary s : report.scenarios()) {
            if (s.servers().stream().noneMatch(st -> Double.isFinite(st.costs().cpuMsPerCall()))) {
                continue;
            }
            scenarios.add(s.scenario().name());
        }
        if (scenarios.isEmpty()) {
            return null;
        }
        for (Contender role : Contender.builtIns()) {
            List<Double> v = new ArrayList<>();
            boolean any = false;
            for (String name : scenarios) {
                ScenarioSummary s = report.scenarios().stream().filter(x -> x.scenario().name().equals(name)).findFirst().orElseThrow();
                double cpu = s.servers().stream().filter(st -> st.server().equals(role)).mapToDouble(st -> st.costs().cpuMsPerCall())
                        .findFirst().orElse(Double.NaN);
                any |= Double.isFinite(cpu);
                v.add(Double.isFinite(cpu) ? cpu : 0.0);
            }
            if (any) {
                values.put(role, v);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("CPU per downstream call, by server (0 where it could not be attributed)")
                .xAxisTitle("scenario").yAxisTitle("CPU ms per call").build();
        style(chart);
        chart.getStyler().setXAxisLabelRotation(30);
        values.forEach((role, v) -> chart.addSeries(role.label(), scenarios, v));
        return chart;
    }

    /** For each server, its points (x = clients, y = figure) in the order of the scenarios. */
    private static Map<Contender, double[][]> byServer(List<ScenarioSummary> scenarios,
                                                        java.util.function.ToDoubleBiFunction<ScenarioSummary, ServerStats> figure) {
        Map<Contender, List<double[]>> points = new LinkedHashMap<>();
        for (ScenarioSummary s : scenarios) {
            for (ServerStats st : s.servers()) {
                double y = figure.applyAsDouble(s, st);
                if (y > 0 && Double.isFinite(y)) {
                    points.computeIfAbsent(st.server(), k -> new ArrayList<>()).add(new double[] {asClients(s).clients(), y});
                }
            }
        }
        Map<Contender, double[][]> out = new LinkedHashMap<>();
        points.forEach((role, p) -> out.put(role, new double[][] {
            p.stream().mapToDouble(a -> a[0]).toArray(), p.stream().mapToDouble(a -> a[1]).toArray()}));
        return out;
    }

    /** A line chart of ours with both axes logarithmic: clients and K span decades, and so do the figures. */
    private static XYChart logLog(String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        style(chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    /** A 2-pixel dashed line: {@code onPx} drawn, {@code offPx} left out. */
    private static java.awt.BasicStroke dashed(float onPx, float offPx) {
        return new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {onPx, offPx}, 0f);
    }

    private static void style(Chart<?, ?> chart) {
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setPlotBackgroundColor(java.awt.Color.WHITE);
    }

    private static void save(Path dir, String file, String title, Chart<?, ?> chart,
                             List<iobench.report.charts.Chart> written) throws IOException {
        ReportFiles.write(dir, file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        written.add(new iobench.report.charts.Chart(file, title));
    }
}
