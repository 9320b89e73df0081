package iobench.bench.contender;

import iobench.core.Strategy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    public UrlTemplate {
        parts = List.copyOf(parts);
    }

    /**
     * Reads a template; the message of the refusal is one line that names the offending part and
     * the expected form (the scenario file prefixes line and column). {@code ${NAME}} reads the
     * environment ({@link Secrets}).
     */
    public static UrlTemplate parse(String text) {
        return parse(text, System::getenv);
    }

    public static UrlTemplate parse(String text, UnaryOperator<String> environment) {
        String expectedForm = "an http:// or https:// URL with a host, such as "
                + "http://127.0.0.1:8002/io-test?delay={delay}&concurrent={concurrent}";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the URL is empty; expected " + expectedForm);
        }
        UrlTemplate template = new UrlTemplate(text, TemplateScanner.scan(text, true, environment));
        // Filled with sample values, it must be a URL the client can send to.
        String sample = TemplateScanner.fill(template.parts, new RequestValues(1000, 1, Strategy.PARALLEL, 1));
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
    public URI fill(long delayMs, int concurrent, Strategy strategy, long requestId) {
        return fill(new RequestValues(delayMs, concurrent, strategy, requestId));
    }

    public URI fill(RequestValues values) {
        return URI.create(fillText(values));
    }

    /**
     * The address of one request as text, for a client that parses it itself: the load generator
     * sends it without building a {@link URI} first. Every value a placeholder takes is URL-safe,
     * so it parses whenever the sample {@link #parse} checked did.
     */
    public String fillText(RequestValues values) {
        return TemplateScanner.fill(parts, values);
    }

    /** Whether the template's scheme is https. */
    public boolean https() {
        return parts.get(0).regionMatches(true, 0, "https:", 0, 6);
    }
}
