package iobench.report.summary;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import iobench.analysis.Stat;
import java.io.IOException;

/**
 * Reads a {median, min, max} figure; one the file gives as null, or an older file leaves out,
 * reads as {@link Stat#NONE} (Jackson takes an absent value for a null one), so that no record of the
 * summary holds a null figure.
 */
final class StatOrNone extends StdDeserializer<Stat> {
    /** The fields as the file names them; a missing or null one is NaN (the mapper's number rule). */
    private record Fields(double median, double min, double max) {
    }

    StatOrNone() {
        super(Stat.class);
    }

    @Override
    public Stat deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Fields f = ctxt.readValue(p, Fields.class);
        return new Stat(f.median(), f.min(), f.max());
    }

    @Override
    public Stat getNullValue(DeserializationContext ctxt) {
        return Stat.NONE;
    }
}
