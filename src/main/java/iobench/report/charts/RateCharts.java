package iobench.report.charts;

import iobench.scenario.RateSpec;
import iobench.analysis.BenchReport;
import iobench.analysis.Capacity;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Rate scenarios: corrected p99 against the offered rate, per server, with the SLO drawn. */
final class RateCharts {
    private RateCharts() {
    }

    /** Null when the report has no rate step with a p99. */
    static XYChart p99AgainstOfferedRate(BenchReport report) {
        List<Capacity> all = report.capacities();
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        for (Capacity c : all) {
            for (Capacity.Step st : c.steps()) {
                double y = st.p99Ms().median();
                if (y > 0 && Double.isFinite(y)) {
                    String name = all.size() == 1 ? st.server().label() : c.scenario().name() + " " + st.server().label();
                    series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {st.offeredRps(), y});
                    minX = Math.min(minX, st.offeredRps());
                    maxX = Math.max(maxX, st.offeredRps());
                }
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(ChartWriter.WIDTH).height(ChartWriter.HEIGHT)
                .title("p99 latency (from the intended send time) against the offered rate")
                .xAxisTitle("offered rate, requests per second").yAxisTitle("p99 latency, ms (median of repetitions)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        series.forEach((name, points) -> chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        List<Long> drawn = new ArrayList<>();
        for (Capacity c : all) {
            RateSpec.Slo slo = c.scenario().rate().slo();
            if (slo == null || drawn.contains(slo.p99Ms())) {
                continue;
            }
            drawn.add(slo.p99Ms());
            XYSeries line = chart.addSeries("SLO p99 " + slo.p99Ms() + " ms", new double[] {minX, maxX},
                    new double[] {slo.p99Ms(), slo.p99Ms()});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.RED);
            line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 6f}, 0f));
        }
        return chart;
    }
}
