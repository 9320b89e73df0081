package iobench.report.format;

import iobench.analysis.BenchReport;
import iobench.report.charts.Chart;
import iobench.report.summary.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * What every output of a run is written from: the report analysed once (capacities included), its
 * summary made once (summary.json and the comparisons read the same one), and what earlier
 * outputs learnt for later ones.
 *
 * @param summary       summary.json's content: null until {@link SummaryFormat} made it, after results.csv
 *                      is on disk, so that a summary that cannot be made loses no data
 * @param baseline      the earlier run to compare with, or null
 * @param stoppedBy     the signal that stopped the run (SIGINT...), or null: a stopped run gets no
 *                      charts and no pages, since bench promises to end within 2 s
 * @param charts        the charts drawn, for report.md to link (empty until {@link ChartsFormat})
 * @param chartsMissing why there are no charts, or null
 * @param warnings      outputs that could not be made while the rest were written
 */
public record AnalysedRun(BenchReport report, Summary summary, Baseline baseline, String stoppedBy,
                          List<Chart> charts, String chartsMissing, List<String> warnings) {
    public AnalysedRun {
        charts = List.copyOf(charts);
        warnings = List.copyOf(warnings);
    }

    public static AnalysedRun of(BenchReport report, Baseline baseline, String stoppedBy) {
        return new AnalysedRun(report, null, baseline, stoppedBy, List.of(), null, List.of());
    }

    public boolean stopped() {
        return stoppedBy != null;
    }

    AnalysedRun withSummary(Summary made) {
        return new AnalysedRun(report, made, baseline, stoppedBy, charts, chartsMissing, warnings);
    }

    AnalysedRun withCharts(List<Chart> drawn, String missing) {
        return new AnalysedRun(report, summary, baseline, stoppedBy, drawn, missing, warnings);
    }

    AnalysedRun withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new AnalysedRun(report, summary, baseline, stoppedBy, charts, chartsMissing, more);
    }
}
