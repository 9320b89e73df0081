package iobench.bench.contender;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The HTTP version a target is spoken to in: {@code http: 1.1} or {@code http: 2}. */
public enum HttpVersion {
    HTTP_1_1("1.1"),
    /** HTTP/2: over TLS as ALPN agrees it, or h2c with prior knowledge on an http:// URL. */
    HTTP_2("2");

    private final String label;

    HttpVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The version of this label, or null. */
    public static HttpVersion fromLabel(String text) {
        return Arrays.stream(values()).filter(v -> v.label.equals(text)).findFirst().orElse(null);
    }

    public static String labels() {
        return Arrays.stream(values()).map(HttpVersion::label).collect(Collectors.joining(", "));
    }
}
