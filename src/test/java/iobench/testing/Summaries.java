package iobench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.report.summary.Summary;
import iobench.report.summary.SummaryFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Variants of a summary for the tests of compare and its gate, made on its tree as a user would edit the file. */
public final class Summaries {
    private Summaries() {
    }

    /** The summary's tree, to change a key as an edited or older file would have it. */
    public static ObjectNode tree(Summary summary) {
        return (ObjectNode) SummaryFile.tree(summary);
    }

    /** A report directory's summary.json read through the one reader, as a tree for a test to look into. */
    public static ObjectNode read(Path reportDir) throws SummaryFile.NotASummaryException {
        return tree(SummaryFile.read(reportDir));
    }

    /** A tree read back through the one reader. */
    public static Summary of(JsonNode tree) {
        try {
            return SummaryFile.of(tree, "a test's summary");
        } catch (SummaryFile.NotASummaryException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code summary} without its scenarios that are not valid: a sound run, for the gate. */
    public static Summary withoutScenariosNotValid(Summary summary) {
        ObjectNode copy = tree(summary);
        ArrayNode scenarios = (ArrayNode) copy.path("scenarios");
        for (int i = scenarios.size() - 1; i >= 0; i--) {
            if (!scenarios.get(i).path("valid").asBoolean(true)) {
                scenarios.remove(i);
            }
        }
        return of(copy);
    }
}
