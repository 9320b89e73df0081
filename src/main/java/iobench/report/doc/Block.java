package iobench.report.doc;

import java.util.List;

/** A block of a report's section: what both writers print, each in its own markup. */
public sealed interface Block permits Block.Paragraph, Block.Heading, Block.Bullets, Block.Quote, Block.Image, Table {
    record Paragraph(Text text) implements Block {
    }

    /** A heading inside a section (Markdown {@code ###}, HTML {@code h3}). */
    record Heading(Text text) implements Block {
    }

    record Bullets(List<Text> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    record Quote(Text text) implements Block {
    }

    /** A chart file beside report.md; report.html draws its own charts, so it shows none. */
    record Image(String title, String file) implements Block {
    }

    static Paragraph paragraph(String plain) {
        return new Paragraph(Text.of(plain));
    }

    static Paragraph paragraph(Text text) {
        return new Paragraph(text);
    }

    static Heading heading(String plain) {
        return new Heading(Text.of(plain));
    }

    static Bullets bullets(List<Text> items) {
        return new Bullets(items);
    }
}
