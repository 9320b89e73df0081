package iobench.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * How our files spell a figure that does not exist: JSON has no NaN, so NaN is written as null,
 * and a null or missing {@code double} reads back as NaN. One module for every file of ours that
 * Jackson binds to records (summary.json, runs.json).
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** NaN (and the infinities) written as null; a null or absent primitive double read as NaN. */
    public static SimpleModule nanAsNull() {
        return new SimpleModule("nan-as-null")
                .addSerializer(Double.class, new NanAsNull())
                .addSerializer(Double.TYPE, new NanAsNull())
                .addDeserializer(Double.TYPE, new NullAsNan());
    }

    /** A figure that does not exist is null in the file, never NaN. */
    private static final class NanAsNull extends StdScalarSerializer<Double> {
        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    /** A null (or missing) figure reads back as NaN, as the analysis spells "none". */
    private static final class NullAsNan extends StdScalarDeserializer<Double> {
        NullAsNan() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getValueAsDouble(Double.NaN);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
