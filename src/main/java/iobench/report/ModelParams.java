package iobench.report;

/**
 * The sync server's limits the model needs, read from its {@code /health}.
 *
 * @param syncThreads   requests the sync server handles at once
 * @param fanoutThreads threads of its {@code parallel} fan-out pool
 */
public record ModelParams(int syncThreads, int fanoutThreads) {
}
