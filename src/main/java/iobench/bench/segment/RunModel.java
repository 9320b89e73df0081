package iobench.bench.segment;

import iobench.scenario.Scenario;
import iobench.bench.contender.Contender;

/**
 * The queueing model's duration of a closed run (one fan-out request, or a clients scenario)
 * against a contender: what a segment's timeline sizes its slots by ({@link SlotLengths}). The
 * report's model, handed in, so that the load side does not depend on the reports.
 */
@FunctionalInterface
public interface RunModel {
    /**
     * Seconds by the model, for a fan-out or clients scenario (a rate step is sized from a clients
     * run of its arrivals, {@link SlotLengths}); a number for every contender, one without a model
     * of its own getting a stand-in.
     */
    double predictedS(Scenario run, Contender contender);
}
