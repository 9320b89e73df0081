package iobench.scenario;

/** What the console shows while a run goes on. */
public interface Progress {
    Progress NONE = step -> { };

    default void begin(int totalRuns) { }

    void step(ProgressStep step);

    default void end() { }
}
