package iobench.bench.contender;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a target's requests are beyond their URL.
 *
 * @param method     GET, HEAD, POST, PUT, PATCH or DELETE
 * @param headers    name to value, in order; values may use the placeholders and {@code ${NAME}}
 * @param body       null for none
 * @param bodyFile   where the body was read from, for the report; null when given inline or none
 * @param expect     the statuses that count as success; empty: any 2xx
 * @param timeout    each request's bound; null: the scenario's own (its work by the model, plus slack)
 * @param http       the version spoken
 * @param insecure   any TLS certificate accepted (the report says so)
 * @param retryStale a request that met a connection the server had closed idle is sent again even
 *                   though its method is not idempotent
 */
public record RequestSpec(String method, Map<String, TextTemplate> headers, TextTemplate body, String bodyFile,
                          Set<Integer> expect, Duration timeout, HttpVersion http, boolean insecure,
                          boolean retryStale) {
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    /** A header name: an RFC 9110 token. */
    public static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** RFC 9110 §9.2.2: a request of these methods may be sent again without changing what it does. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");
    /** A plain GET, as every target was before requests had a shape. */
    public static final RequestSpec GET = new RequestSpec("GET", Map.of(), null, null, Set.of(), null,
            HttpVersion.HTTP_1_1, false, false);

    public RequestSpec {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method '" + method + "' is not allowed; expected one of "
                    + String.join(", ", METHODS));
        }
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw new IllegalArgumentException("a " + method + " request has no body; expected method POST, PUT, "
                    + "PATCH or DELETE with a body");
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        expect = Set.copyOf(expect);
    }

    /** Whether a request that met a stale connection is sent again (RFC 9112 §9.3.1). */
    public boolean retriesStale() {
        return retryStale || IDEMPOTENT.contains(method);
    }

    /** Whether an answer of this status counts as success. */
    public boolean success(int status) {
        return expect.isEmpty() ? status >= 200 && status < 300 : expect.contains(status);
    }

    /**
     * The request in one line for the report's list of servers, as written ({@code ${NAME}}, never
     * its value): method, headers, body, checks; the TLS trust said loudly when it is off.
     */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        headers.forEach((name, value) -> parts.add(name + ": " + value.text()));
        if (body != null) {
            parts.add(bodyFile != null ? "body from " + bodyFile : "body " + body.text().length() + " characters");
        }
        if (!expect.isEmpty()) {
            parts.add("expect " + new java.util.TreeSet<>(expect));
        }
        if (timeout != null) {
            parts.add("timeout " + timeout.toMillis() + " ms");
        }
        if (http == HttpVersion.HTTP_2) {
            parts.add("HTTP/2");
        }
        if (retryStale) {
            parts.add("retry-stale");
        }
        if (insecure) {
            parts.add("INSECURE: TLS certificates not checked");
        }
        return method + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    }
}
