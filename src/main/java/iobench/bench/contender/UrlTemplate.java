package iobench.bench.contender;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A contender's address with placeholders filled per request, so that any service can be benched
 * whatever its path and parameter names: {@code http://127.0.0.1:8002/io?delay={delay}&n={concurrent}}.
 * {delay} is in seconds (three decimals, as our servers take it), {concurrent} the fan-out width,
 * {strategy} sequential or parallel, {request_id} a number unique within one bench run and across its
 * segments ({@code iobench.bench.load.LoadClient#nextRequestId}).
 *
 * @param text  the template as written
 * @param parts literal text and placeholder names, alternating from a literal (possibly empty)
 */
public record UrlTemplate(String text, List<String> parts) {
    public static final List<String> PLACEHOLDERS = List.of("delay", "concurrent", "strategy", "request_id");
    private static final String EXPECTED_PLACEHOLDERS = "{delay}, {concurrent}, {strategy} or {request_id}";

    public UrlTemplate {
        parts = List.copyOf(parts);
    }

    /**
     * Reads a template; the message of the refusal is one line that names the offending part and
     * the expected form (the scenario file prefixes line and column).
     */
    public static UrlTemplate parse(String text) {
        String expectedForm = "an http:// or https:// URL with a host, such as "
                + "http://127.0.0.1:8002/io-test?delay={delay}&concurrent={concurrent}";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the URL is empty; expected " + expectedForm);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("'}' at character " + (i + 1) + " of '" + text
                        + "' closes no placeholder; expected " + EXPECTED_PLACEHOLDERS);
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("'{' at character " + (i + 1) + " of '" + text
                        + "' is not closed; expected " + EXPECTED_PLACEHOLDERS);
            }
            String name = text.substring(i + 1, close);
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException("'{" + name + "}' at character " + (i + 1) + " of '" + text
                        + "' is not a placeholder; expected " + EXPECTED_PLACEHOLDERS);
            }
            parts.add(literal.toString());
            parts.add(name);
            literal.setLength(0);
            i = close + 1;
        }
        parts.add(literal.toString());
        UrlTemplate template = new UrlTemplate(text, parts);
        // Filled with sample values, it must be a URL the client can send to.
        String sample = template.fillText(1000, 1, "parallel", 1);
        try {
            URI uri = new URI(sample);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + text + "' is not allowed; expected " + expectedForm);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + " once filled); expected " + expectedForm);
        }
        return template;
    }

    /** The placeholders the template uses, in order of first use (a fan-out needs {concurrent}). */
    public Set<String> placeholders() {
        Set<String> used = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            used.add(parts.get(i));
        }
        return used;
    }

    /** The address of one request. */
    public URI fill(long delayMs, int concurrent, String strategy, long requestId) {
        return URI.create(fillText(delayMs, concurrent, strategy, requestId));
    }

    private String fillText(long delayMs, int concurrent, String strategy, long requestId) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
                continue;
            }
            out.append(switch (parts.get(i)) {
                case "delay" -> String.format(Locale.ROOT, "%.3f", delayMs / 1000.0);
                case "concurrent" -> Integer.toString(concurrent);
                case "strategy" -> strategy;
                case "request_id" -> Long.toString(requestId);
                default -> throw new IllegalStateException("placeholder " + parts.get(i));
            });
        }
        return out.toString();
    }
}
