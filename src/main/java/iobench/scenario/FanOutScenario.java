package iobench.scenario;

/**
 * One client request per repetition; the server makes {@code concurrent} downstream calls
 * ({@link Scenario.Common#strategy() sequential or parallel}).
 *
 * @param concurrent downstream calls per request
 */
public record FanOutScenario(Common common, int concurrent) implements Scenario {
    public FanOutScenario {
        if (concurrent < 1) {
            throw new IllegalArgumentException("scenario " + common.name() + ": concurrent " + concurrent
                    + " is below 1");
        }
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.FAN_OUT;
    }
}
