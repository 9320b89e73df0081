package iobench.report.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import iobench.analysis.Stat;
import iobench.core.JsonNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one writer and the one reader of summary.json's text: a {@link Summary} to its indented
 * JSON and back. Components are the file's keys in snake_case and in the file's order; NaN is
 * written as null (JSON has no NaN) and null read back as NaN. Keys a later iobench adds are
 * skipped; a key an earlier one did not write reads as null, empty or the default its record names.
 */
public final class SummaryFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(JsonNumbers.nanAsNull())
            .addModule(new SimpleModule("summary-figures").addDeserializer(Stat.class, new StatOrNone()))
            .build();

    private SummaryFile() {
    }

    /** summary.json's text: indented, ending with a newline. */
    public static String text(Summary summary) {
        try {
            return JSON.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The summary as a JSON tree, as the file holds it: the data of the HTML pages. Parsed from the
     * text, so that its numbers are the nodes a reader of the file gets (a long 3 is an int node).
     */
    public static JsonNode tree(Summary summary) {
        try {
            return JSON.readTree(text(summary));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Thrown with a one-line reason when a directory holds no iobench summary. */
    public static final class NotASummaryException extends IOException {
        public NotASummaryException(String message) {
            super(message);
        }
    }

    /** The summary.json of a report directory, checked to be one. */
    public static Summary read(Path reportDir) throws NotASummaryException {
        Path file = reportDir.resolve(Summary.FILE);
        if (!Files.isDirectory(reportDir)) {
            throw new NotASummaryException(reportDir + " is not a directory; expected a report directory of 'iobench bench'");
        }
        if (!Files.isReadable(file)) {
            throw new NotASummaryException(reportDir + " has no readable " + Summary.FILE
                    + "; expected a report directory of 'iobench bench'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException ex) {
            throw new NotASummaryException(file + " is not valid JSON: " + firstLine(ex));
        }
        return of(root, file.toString());
    }

    /**
     * A summary from its tree, checked as {@link #read} checks a file.
     *
     * @param source what to call it in a refusal (the file)
     */
    public static Summary of(JsonNode root, String source) throws NotASummaryException {
        if (root == null || !root.isObject() || !Summary.FORMAT.equals(root.path("format").asText())
                || !root.path("scenarios").isArray()) {
            throw new NotASummaryException(source + " is not an iobench summary; expected \"format\": \""
                    + Summary.FORMAT + "\"");
        }
        if (root.path("version").asInt() > Summary.VERSION) {
            throw new NotASummaryException(source + " is summary version " + root.path("version").asInt()
                    + "; this iobench reads up to version " + Summary.VERSION);
        }
        try {
            return JSON.treeToValue(root, Summary.class);
        } catch (IOException | IllegalArgumentException ex) {
            throw new NotASummaryException(source + " is not a readable iobench summary: " + firstLine(ex));
        }
    }

    private static String firstLine(Exception ex) {
        return String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
    }
}
