package iobench.report.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of a report, made once and printed by both writers.
 *
 * @param header its column names; all blank for a table of keys and values, which has none
 */
public record Table(List<Text> header, List<Row> rows) implements Block {
    /**
     * @param flagged worth a second look, whatever its text says: a broken threshold, a scenario
     *                that is not valid, a figure changed beyond the noise (report.html marks it)
     */
    public record Row(List<Text> cells, boolean flagged) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A table with these column names; "" for each column of a table of keys and values. */
    public static Builder of(String... header) {
        return new Builder(Arrays.stream(header).map(Text::of).toList());
    }

    /** Whether its columns have names (a table of keys and values has none). */
    public boolean named() {
        return header.stream().anyMatch(h -> !h.plain().isBlank());
    }

    public static final class Builder {
        private final List<Text> header;
        private final List<Row> rows = new ArrayList<>();

        private Builder(List<Text> header) {
            this.header = header;
        }

        /** A row of plain cells. */
        public Builder row(String... cells) {
            return row(false, Arrays.stream(cells).map(Text::of).toList());
        }

        public Builder row(boolean flagged, List<Text> cells) {
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(cells.size() + " cells in a table of " + header.size() + " columns");
            }
            rows.add(new Row(cells, flagged));
            return this;
        }

        public Table build() {
            return new Table(header, rows);
        }
    }
}
