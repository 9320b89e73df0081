package iobench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** docs/summary.schema.json, for the tests that check a summary.json of theirs against it. */
public final class SummarySchema {
    private static final Path FILE = Path.of("docs/summary.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private SummarySchema() {
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code summary} breaks the schema, one line each; empty when it follows it. */
    public static List<String> errors(JsonNode summary) {
        return SCHEMA.validate(summary).stream().map(Error::toString).toList();
    }

    /** The same for a report directory's summary.json, as written. */
    public static List<String> errorsOf(Path reportDir) throws IOException {
        return errors(JSON.readTree(reportDir.resolve("summary.json").toFile()));
    }
}
