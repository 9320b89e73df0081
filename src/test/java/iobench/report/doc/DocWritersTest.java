package iobench.report.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One document, two writers: the Markdown of report.md and the HTML of report.html print the same blocks. */
class DocWritersTest {
    private static final Section SECTION = new Section("Thresholds", List.of(
            Block.paragraph(Text.strong("1 of 2 thresholds BROKEN").then("; ").thenCode("iobench bench")
                    .then(" exits with code 1.")),
            Table.of("scenario", "value", "result")
                    .row("k5", "1.2x", "met")
                    .row(true, List.of(Text.of("a|b"), Text.of("< 2 & 3"), Text.strong("BROKEN")))
                    .build(),
            Block.heading("More"),
            Block.bullets(List.of(Text.of("one *star*"), Text.emphasis("two"))),
            new Block.Image("A chart", "a.png")));

    @Test
    void markdownPrintsEachBlockWithItsMarksAndEscapesPipesInCells() {
        assertEquals("""
                ## Thresholds

                **1 of 2 thresholds BROKEN**; `iobench bench` exits with code 1.

                | scenario | value | result |
                |---|---|---|
                | k5 | 1.2x | met |
                | a\\|b | < 2 & 3 | **BROKEN** |

                ### More

                - one *star*
                - *two*

                ![A chart](a.png)

                """, MarkdownWriter.write(SECTION));
    }

    @Test
    void aTableOfKeysAndValuesHasBlankColumnNames() {
        Table t = Table.of("", "").row("cores", "8").build();
        assertEquals("# doc\n\n| | |\n|---|---|\n| cores | 8 |\n\n",
                MarkdownWriter.write(new Document("doc", List.of(new Section(null, List.of(t))))));
        assertEquals("<div class=\"table-wrap\"><table>\n<tbody>\n<tr><td>cores</td><td>8</td></tr>\n"
                + "</tbody></table></div>\n", HtmlWriter.blocks(List.of(t)), "no heading row, no figures");
    }

    @Test
    void htmlEscapesEveryTextMarksFlaggedRowsAndLeavesOutImages() {
        assertEquals("""
                <section id="s-thresholds">
                <h2>Thresholds</h2>
                <p><strong>1 of 2 thresholds BROKEN</strong>; <code>iobench bench</code> exits with code 1.</p>
                <div class="table-wrap"><table>
                <thead><tr><th>scenario</th><th>value</th><th>result</th></tr></thead>
                <tbody>
                <tr><td>k5</td><td class="num">1.2x</td><td>met</td></tr>
                <tr class="hl"><td>a|b</td><td>&lt; 2 &amp; 3</td><td><strong>BROKEN</strong></td></tr>
                </tbody></table></div>
                <h3>More</h3>
                <ul>
                <li>one *star*</li>
                <li><em>two</em></li>
                </ul>
                </section>
                """, HtmlWriter.section(SECTION, "s-thresholds"));
    }

    @Test
    void sectionIdsComeFromTitlesAndAreUnique() {
        assertEquals(List.of("s-top", "s-fan-out-one-request", "s-summary", "s-summary-2"), HtmlWriter.ids(List.of(
                new Section(null, List.of()), new Section("Fan-out: one request", List.of()),
                new Section("Summary", List.of()), new Section("Summary", List.of()))));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.of("a", "b").row("x"));
        assertEquals("1 cells in a table of 2 columns", e.getMessage());
    }
}
