package iobench.report.doc;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sections of a report as HTML, for report.html and compare.html: the same blocks and tables
 * report.md prints, every character of their text escaped. A flagged row gets class {@code hl};
 * a cell that holds a figure class {@code num}; charts (images) are left to the page's own.
 */
public final class HtmlWriter {
    private HtmlWriter() {
    }

    /** A {@code <section>} with this id, its title as {@code h2} (none when untitled) and its blocks. */
    public static String section(Section section, String id) {
        StringBuilder html = new StringBuilder("<section id=\"").append(escape(id)).append("\">\n");
        if (section.title() != null) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
        }
        return html.append(blocks(section.blocks())).append("</section>\n").toString();
    }

    /**
     * An id for each section, in order: "s-" and its title's words ("s-top" untitled), made unique
     * with "-2", "-3"...
     */
    public static List<String> ids(List<Section> sections) {
        Set<String> taken = new HashSet<>();
        return sections.stream().map(s -> {
            String base = "s-" + (s.title() == null ? "top" : s.title().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }).toList();
    }

    public static String blocks(List<Block> blocks) {
        StringBuilder html = new StringBuilder();
        blocks.forEach(b -> block(html, b));
        return html.toString();
    }

    private static void block(StringBuilder html, Block block) {
        switch (block) {
            case Block.Paragraph p -> html.append("<p>").append(inline(p.text())).append("</p>\n");
            case Block.Heading h -> html.append("<h3>").append(inline(h.text())).append("</h3>\n");
            case Block.Quote q -> html.append("<blockquote>").append(inline(q.text())).append("</blockquote>\n");
            case Block.Image i -> {
                // report.md links its PNG charts; the page draws its own.
            }
            case Block.Bullets b -> {
                html.append("<ul>\n");
                b.items().forEach(item -> html.append("<li>").append(inline(item)).append("</li>\n"));
                html.append("</ul>\n");
            }
            case Table t -> table(html, t);
        }
    }

    private static void table(StringBuilder html, Table t) {
        // A table of keys and values has no column names, so no heading row, and its values are text.
        boolean figures = t.named();
        html.append("<div class=\"table-wrap\"><table>\n");
        if (figures) {
            html.append("<thead><tr>");
            t.header().forEach(c -> html.append("<th>").append(inline(c)).append("</th>"));
            html.append("</tr></thead>\n");
        }
        html.append("<tbody>\n");
        for (Table.Row row : t.rows()) {
            html.append(row.flagged() ? "<tr class=\"hl\">" : "<tr>");
            for (Text c : row.cells()) {
                html.append(figures && numeric(c.plain()) ? "<td class=\"num\">" : "<td>").append(inline(c))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    /** A cell that reads as a figure ("12.5", "≥ 80/s", "+3.1 %"), set right-aligned; words are not. */
    private static boolean numeric(String cell) {
        return cell.matches("[-+≥≤~]?\\s?[0-9][0-9.,]*.*") && !cell.matches(".*[a-zA-Z]{4,}.*");
    }

    public static String inline(Text text) {
        StringBuilder html = new StringBuilder();
        for (Text.Span s : text.spans()) {
            String tag = switch (s.style()) {
                case PLAIN -> null;
                case STRONG -> "strong";
                case EMPHASIS -> "em";
                case CODE -> "code";
            };
            if (tag == null) {
                html.append(escape(s.text()));
            } else {
                html.append('<').append(tag).append('>').append(escape(s.text())).append("</").append(tag).append('>');
            }
        }
        return html.toString();
    }

    /** Text or an attribute value as HTML. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
