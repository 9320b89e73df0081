package iobench.report.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of report text with its emphasis, as spans: plain, strong, emphasised or code. The
 * Markdown and the HTML writers each print it in their own marks; neither reads the other's, so a
 * star or a backtick in a scenario name or an error message is text in both.
 */
public record Text(List<Span> spans) {
    public enum Style { PLAIN, STRONG, EMPHASIS, CODE }

    /** @param text as {@link StringBuilder#append(String)} would print it: null is "null" */
    public record Span(Style style, String text) {
        public Span {
            text = String.valueOf(text);
        }
    }

    public static final Text EMPTY = new Text(List.of());

    public Text {
        spans = List.copyOf(spans);
    }

    public static Text of(String plain) {
        return EMPTY.then(plain);
    }

    public static Text strong(String text) {
        return EMPTY.thenStrong(text);
    }

    public static Text emphasis(String text) {
        return EMPTY.thenEmphasis(text);
    }

    public static Text code(String text) {
        return EMPTY.thenCode(text);
    }

    public Text then(String plain) {
        return with(Style.PLAIN, plain);
    }

    public Text thenStrong(String text) {
        return with(Style.STRONG, text);
    }

    public Text thenEmphasis(String text) {
        return with(Style.EMPHASIS, text);
    }

    public Text thenCode(String text) {
        return with(Style.CODE, text);
    }

    public Text then(Text more) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(more.spans());
        return new Text(all);
    }

    /** The words without their marks. */
    public String plain() {
        StringBuilder s = new StringBuilder();
        spans.forEach(span -> s.append(span.text()));
        return s.toString();
    }

    private Text with(Style style, String text) {
        List<Span> all = new ArrayList<>(spans);
        all.add(new Span(style, text));
        return new Text(all);
    }
}
