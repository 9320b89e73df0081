package iobench.bench.contender;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A header value or request body with placeholders: only the exact {@code {delay}},
 * {@code {concurrent}}, {@code {strategy}} and {@code {request_id}} are replaced and any other
 * brace is literal, so {@code {"delay": {delay}}} needs no escaping.
 *
 * @param text  as written, {@code ${NAME}} included: what reports show
 * @param parts literal text (the environment read in) and placeholder names, alternating
 */
public record TextTemplate(String text, List<String> parts) {
    public TextTemplate {
        parts = List.copyOf(parts);
    }

    public static TextTemplate parse(String text, UnaryOperator<String> environment) {
        return new TextTemplate(text, TemplateScanner.scan(text, false, environment));
    }

    /** Whether the text has the placeholder {@code name} ({@link UrlTemplate#PLACEHOLDERS}). */
    public boolean uses(String name) {
        for (int i = 1; i < parts.size(); i += 2) {
            if (parts.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    public String fill(RequestValues values) {
        return TemplateScanner.fill(parts, values);
    }
}
