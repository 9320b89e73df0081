package iobench.report.doc;

import java.util.List;

/** A report as Markdown (report.md, compare.md): every block ends with a blank line. */
public final class MarkdownWriter {
    private MarkdownWriter() {
    }

    public static String write(Document document) {
        StringBuilder md = new StringBuilder("# ").append(document.title()).append("\n\n");
        document.sections().forEach(s -> section(md, s));
        return md.toString();
    }

    public static String write(Section section) {
        StringBuilder md = new StringBuilder();
        section(md, section);
        return md.toString();
    }

    private static void section(StringBuilder md, Section section) {
        if (section.title() != null) {
            md.append("## ").append(section.title()).append("\n\n");
        }
        section.blocks().forEach(b -> block(md, b));
    }

    private static void block(StringBuilder md, Block block) {
        switch (block) {
            case Block.Paragraph p -> md.append(inline(p.text())).append("\n\n");
            case Block.Heading h -> md.append("### ").append(inline(h.text())).append("\n\n");
            case Block.Quote q -> md.append("> ").append(inline(q.text())).append("\n\n");
            case Block.Image i -> md.append("![").append(i.title()).append("](").append(i.file()).append(")\n\n");
            case Block.Bullets b -> {
                b.items().forEach(item -> md.append("- ").append(inline(item)).append('\n'));
                md.append('\n');
            }
            case Table t -> table(md, t);
        }
    }

    private static void table(StringBuilder md, Table t) {
        // A blank column name is "| |", as in a table of keys and values: "| | |".
        md.append('|');
        t.header().forEach(h -> md.append(h.plain().isEmpty() ? " |" : " " + cell(h) + " |"));
        md.append('\n');
        md.append("|").append("---|".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> md.append(row(r.cells())).append('\n'));
        md.append('\n');
    }

    private static String row(List<Text> cells) {
        return "| " + String.join(" | ", cells.stream().map(MarkdownWriter::cell).toList()) + " |";
    }

    /** A pipe inside a cell would end it. */
    private static String cell(Text text) {
        return inline(text).replace("|", "\\|");
    }

    static String inline(Text text) {
        StringBuilder md = new StringBuilder();
        for (Text.Span s : text.spans()) {
            String mark = switch (s.style()) {
                case PLAIN -> "";
                case STRONG -> "**";
                case EMPHASIS -> "*";
                case CODE -> "`";
            };
            md.append(mark).append(s.text()).append(mark);
        }
        return md.toString();
    }
}
