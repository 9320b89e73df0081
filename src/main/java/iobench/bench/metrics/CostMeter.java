package iobench.bench.metrics;

/** Measures what one server spends during one run. */
public interface CostMeter extends AutoCloseable {
    /** Right before the run. */
    void start();

    /** Right after the run; {@code calls} is the unit of the per-call figures. */
    RunCosts stop(int calls);

    @Override
    default void close() {
    }

    /** For a server whose costs cannot be told apart. */
    CostMeter NONE = new CostMeter() {
        @Override
        public void start() {
        }

        @Override
        public RunCosts stop(int calls) {
            return RunCosts.NONE;
        }
    };
}
