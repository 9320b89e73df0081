package iobench.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one of our JSON files (runs.json, segment.json) into its record, or refuses it in one
 * line that names the file: missing, not JSON, not an object, or of another shape.
 */
public final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * @param missing what to say after "no NAME" when the file is not there
     * @param shape   what the file should be, as in "NAME is not SHAPE"
     */
    public static <T> T read(ObjectMapper json, Path dir, String name, Class<T> type, String missing, String shape)
            throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + name + missing);
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(name + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(name + " is not " + shape);
        }
        try {
            return json.treeToValue(root, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(name + " is not " + shape + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
