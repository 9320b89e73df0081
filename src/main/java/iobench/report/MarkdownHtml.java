package iobench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown that iobench writes (report.md, compare.md) as HTML, section by section, so that
 * report.html shows every table of report.md from the one place that makes them. It reads only
 * what iobench writes: headings, paragraphs, {@code >} quotes, {@code -} lists, pipe tables and
 * the inline marks {@code **bold**}, {@code *italic*} and {@code `code`}. Every character of the
 * text is escaped; images and links keep their text only, so nothing points outside the page.
 */
final class MarkdownHtml {
    /** One {@code ##} section: its heading (null for what comes before the first) and its HTML. */
    record Section(String title, String id, String html) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])\\*([^*\\s](?:[^*]*[^*\\s])?)\\*(?![\\w*])");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    private MarkdownHtml() {
    }

    /**
     * @param highlight given a table row's cells as written in the Markdown, whether to mark the row
     *                  (class {@code hl}): a figure beyond the noise, a broken threshold
     */
    static List<Section> sections(String markdown, Predicate<List<String>> highlight) {
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String title = null;
        StringBuilder html = new StringBuilder();
        List<String> lines = markdown.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                add(sections, ids, title, html);
                title = line.substring(3).trim();
                html = new StringBuilder();
                i++;
            } else if (line.startsWith("# ")) {
                i++; // the document's title: the page has its own
            } else if (line.startsWith("### ")) {
                html.append("<h3>").append(inline(line.substring(4).trim())).append("</h3>\n");
                i++;
            } else if (line.startsWith("|")) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                table(html, lines.subList(i, end), highlight);
                i = end;
            } else if (line.startsWith("- ")) {
                html.append("<ul>\n");
                while (i < lines.size() && lines.get(i).startsWith("- ")) {
                    html.append("<li>").append(inline(lines.get(i).substring(2))).append("</li>\n");
                    i++;
                }
                html.append("</ul>\n");
            } else if (line.startsWith(">")) {
                StringBuilder quote = new StringBuilder();
                while (i < lines.size() && lines.get(i).startsWith(">")) {
                    quote.append(lines.get(i).replaceFirst("^> ?", "")).append(' ');
                    i++;
                }
                html.append("<blockquote>").append(inline(quote.toString().trim())).append("</blockquote>\n");
            } else if (line.isBlank()) {
                i++;
            } else {
                StringBuilder para = new StringBuilder();
                while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i))) {
                    para.append(lines.get(i)).append(' ');
                    i++;
                }
                String text = para.toString().trim();
                if (!IMAGE.matcher(text).replaceAll("").isBlank()) {
                    html.append("<p>").append(inline(text)).append("</p>\n");
                }
            }
        }
        add(sections, ids, title, html);
        return sections;
    }

    private static boolean startsBlock(String line) {
        return line.startsWith("#") || line.startsWith("|") || line.startsWith("- ") || line.startsWith(">");
    }

    private static void add(List<Section> sections, Set<String> ids, String title, StringBuilder html) {
        if (title == null && html.isEmpty()) {
            return;
        }
        String base = "s-" + (title == null ? "top" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", ""));
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        sections.add(new Section(title, id, html.toString()));
    }

    private static void table(StringBuilder html, List<String> rows, Predicate<List<String>> highlight) {
        List<List<String>> cells = new ArrayList<>();
        for (String row : rows) {
            cells.add(cells(row));
        }
        boolean header = cells.size() >= 2 && cells.get(1).stream().allMatch(c -> c.matches(":?-+:?"));
        // A table without column names is a list of keys and values: no empty heading row, and its
        // values are text, not figures.
        boolean figures = header && cells.get(0).stream().anyMatch(c -> !c.isBlank());
        html.append("<div class=\"table-wrap\"><table>\n");
        int start = header ? 2 : 0;
        if (figures) {
            html.append("<thead><tr>");
            cells.get(0).forEach(c -> html.append("<th>").append(inline(c)).append("</th>"));
            html.append("</tr></thead>\n");
        }
        html.append("<tbody>\n");
        for (int r = start; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            html.append(highlight.test(row) ? "<tr class=\"hl\">" : "<tr>");
            for (String c : row) {
                html.append(figures && numeric(c) ? "<td class=\"num\">" : "<td>").append(inline(c)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    /** The cells of a pipe-table row; {@code \|} is a pipe inside a cell. */
    static List<String> cells(String row) {
        String s = row.trim();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }

    private static boolean numeric(String cell) {
        return cell.matches("[-+≥≤~]?\\s?[0-9][0-9.,]*.*") && !cell.matches(".*[a-zA-Z]{4,}.*");
    }

    /** One line of Markdown text as escaped HTML with its inline marks. */
    static String inline(String text) {
        String s = IMAGE.matcher(text).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(s);
        int last = 0;
        while (code.find()) {
            out.append(marks(HtmlPage.escape(s.substring(last, code.start()))));
            out.append("<code>").append(HtmlPage.escape(code.group(1))).append("</code>");
            last = code.end();
        }
        out.append(marks(HtmlPage.escape(s.substring(last))));
        return out.toString();
    }

    private static String marks(String escaped) {
        String s = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(s).replaceAll("<em>$1</em>");
    }
}
