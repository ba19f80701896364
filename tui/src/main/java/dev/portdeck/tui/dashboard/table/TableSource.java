package dev.portdeck.tui.dashboard.table;

import dev.portdeck.tui.dashboard.state.Deck;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What one table shows: its columns, its rows (read from the {@link Deck}), and how rows sort and filter. */
public interface TableSource<R> {

    List<Column> columns();

    List<R> rows();

    /** A stable identity, so the selection follows the row when others change or re-sort. */
    String key(R row);

    /** One cell per column, in column order. */
    List<Cell> cells(R row, Instant now);

    /** The comparator for sorting by `column`, or null when that column does not sort. */
    Comparator<R> sorter(int column);

    /** The column sorted by before the user picks one. */
    default int defaultSort() {
        return 0;
    }
}
