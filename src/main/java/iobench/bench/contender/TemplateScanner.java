package iobench.bench.contender;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits a template into literal text and placeholders, alternating from a literal (possibly
 * empty), and reads {@code ${NAME}} from the environment into the literal text as it goes, so that
 * a value from the environment is never itself scanned for placeholders.
 */
final class TemplateScanner {
    static final String EXPECTED_PLACEHOLDERS = "{delay}, {concurrent}, {strategy} or {request_id}";

    private TemplateScanner() {
    }

    /**
     * @param strict a URL: every brace must be a placeholder; a header or body: only the exact
     *               placeholders are replaced and any other brace is literal (a JSON body needs no escaping)
     * @throws IllegalArgumentException one line naming the offending part and the expected form
     */
    static List<String> scan(String text, boolean strict, UnaryOperator<String> environment) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("{", i + 1)) {
                int close = text.indexOf('}', i + 2);
                String name = close < 0 ? "" : text.substring(i + 2, close);
                if (!Secrets.NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'${' at character " + (i + 1) + " of '" + text
                            + "' starts no environment variable; expected ${NAME} (letters, digits, '_')");
                }
                literal.append(Secrets.read(name, environment));
                i = close + 1;
                continue;
            }
            String placeholder = c == '{' ? placeholderAt(text, i) : null;
            if (placeholder != null) {
                parts.add(literal.toString());
                parts.add(placeholder);
                literal.setLength(0);
                i += placeholder.length() + 2;
                continue;
            }
            if (strict && (c == '{' || c == '}')) {
                throw new IllegalArgumentException(strictRefusal(text, i));
            }
            literal.append(c);
            i++;
        }
        parts.add(literal.toString());
        return parts;
    }

    /** The placeholder name whose {@code {name}} starts at {@code i}, or null. */
    private static String placeholderAt(String text, int i) {
        for (String name : UrlTemplate.PLACEHOLDERS) {
            if (text.startsWith("{" + name + "}", i)) {
                return name;
            }
        }
        return null;
    }

    private static String strictRefusal(String text, int i) {
        if (text.charAt(i) == '}') {
            return "'}' at character " + (i + 1) + " of '" + text + "' closes no placeholder; expected "
                    + EXPECTED_PLACEHOLDERS;
        }
        int close = text.indexOf('}', i);
        if (close < 0) {
            return "'{' at character " + (i + 1) + " of '" + text + "' is not closed; expected " + EXPECTED_PLACEHOLDERS;
        }
        return "'" + text.substring(i, close + 1) + "' at character " + (i + 1) + " of '" + text
                + "' is not a placeholder; expected " + EXPECTED_PLACEHOLDERS;
    }

    /** The parts filled for one request. */
    static String fill(List<String> parts, RequestValues values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : values.value(parts.get(i)));
        }
        return out.toString();
    }
}
