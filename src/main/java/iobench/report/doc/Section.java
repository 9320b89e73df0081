package iobench.report.doc;

import java.util.List;

/**
 * One {@code ##} section of a report.
 *
 * @param title null for what comes before the first titled section
 */
public record Section(String title, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }
}
