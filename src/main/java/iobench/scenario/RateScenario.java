package iobench.scenario;

import java.util.List;

/**
 * Requests arriving at a constant rate for a duration whatever the server does (an open model),
 * one step after another when {@link RateSpec#rates()} is a staircase.
 */
public record RateScenario(Common common, RateSpec rate) implements Scenario {
    public RateScenario {
        if (rate == null) {
            throw new IllegalArgumentException("scenario " + common.name() + ": rate is missing");
        }
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.RATE;
    }

    /** This scenario at one step of its staircase, sending for {@code durationMs}. */
    public RateScenario atRate(int ratePerS, long durationMs) {
        return new RateScenario(common, rate.step(ratePerS, durationMs));
    }

    /** Every step of the staircase, in increasing order, each sending for the spec's duration. */
    @Override
    public List<RateScenario> measuredSteps() {
        return rate.rates().stream().map(r -> atRate(r, rate.durationMs())).toList();
    }
}
