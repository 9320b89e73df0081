package iobench.bench.metrics;

import iobench.scenario.ScenarioKind;
import iobench.bench.contender.Contender;

/**
 * What ran: one scenario against one server, and which of its runs this was.
 *
 * @param repetition 1-based; 0 for warm-up runs
 * @param warmup     a warm-up run: listed in warmup.csv, counted by no figure
 */
public record RunId(String scenario, ScenarioKind kind, Contender server, int repetition, boolean warmup) {
}
