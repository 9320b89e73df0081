package iobench.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the servers, and the shapes of their error answers. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }

    /**
     * {@code text} in UTF-8. Text written from a template is nearly always ASCII: its bytes are
     * then taken straight from the builder, without the {@code String} that {@code toString()}
     * would copy first and {@code getBytes} copy again.
     */
    public static byte[] utf8(CharSequence text) {
        int length = text.length();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /**
     * {@code value} as a quoted JSON string, appended to {@code out}: for answers written from a
     * template on a hot path, where a tree and its serializer would cost more than the answer.
     */
    public static StringBuilder appendString(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"error": "...", "parameter": ..., "value": ..., "allowed": ...}} for a 400. */
    public static String badParameter(BadParameterException e) {
        ObjectNode node = object();
        node.put("error", e.getMessage());
        node.put("parameter", e.parameter());
        node.put("value", e.value());
        node.put("allowed", e.allowed());
        return write(node);
    }

    public static String error(String message) {
        ObjectNode node = object();
        node.put("error", message);
        return write(node);
    }

    public static String notFound(String method, String path) {
        ObjectNode node = object();
        node.put("error", "no endpoint " + method + " " + path + "; GET /health lists the endpoints");
        return write(node);
    }
}
