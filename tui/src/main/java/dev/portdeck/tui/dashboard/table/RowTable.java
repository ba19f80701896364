package dev.portdeck.tui.dashboard.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A table's view state over a {@link TableSource}: filter, sort, selection (kept on the same row by key while the
 * data underneath changes) and scroll position. The sort column is kept by its title, so it stays the same column when
 * a source adds or drops columns (LISTEN once this machine's sockets are read).
 */
public final class RowTable<R> {

    private final TableSource<R> source;
    private String filter = "";
    private String sortTitle;
    private boolean descending;
    private String selectedKey;
    private int selected;
    private int top;

    public RowTable(TableSource<R> source) {
        this.source = source;
        this.sortTitle = source.columns().get(source.defaultSort()).title();
    }

    public TableSource<R> source() {
        return source;
    }

    /** The rows to show now: filtered, sorted; the selection is re-found by key. */
    public List<R> visible(Instant now) {
        List<R> rows = new ArrayList<>();
        String needle = filter.toLowerCase(Locale.ROOT);
        for (R r : source.rows()) {
            if (needle.isEmpty() || searchText(r, now).contains(needle)) {
                rows.add(r);
            }
        }
        Comparator<R> by = source.sorter(sortColumn());
        if (by != null) {
            rows.sort(descending ? by.reversed() : by);
        }
        relocate(rows);
        return rows;
    }

    private String searchText(R row, Instant now) {
        StringBuilder b = new StringBuilder();
        source.cells(row, now).forEach(c -> b.append(c.text()).append('\u0000'));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Back to the selected row: at the same place if it is still there (duplicate keys stay apart), else by key. */
    private void relocate(List<R> rows) {
        if (selectedKey != null) {
            if (selected < rows.size() && source.key(rows.get(selected)).equals(selectedKey)) {
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (source.key(rows.get(i)).equals(selectedKey)) {
                    selected = i;
                    return;
                }
            }
        }
        selected = Math.max(0, Math.min(selected, rows.size() - 1));
        selectedKey = rows.isEmpty() ? null : source.key(rows.get(selected));
    }

    /** Moves the selection by `delta` rows within `rows` (clamped). */
    public void move(List<R> rows, int delta) {
        if (rows.isEmpty()) {
            return;
        }
        selected = Math.max(0, Math.min(rows.size() - 1, selected + delta));
        selectedKey = source.key(rows.get(selected));
    }

    void select(List<R> rows, int index) {
        move(rows, index - selected);
    }

    public R selectedRow(List<R> rows) {
        return rows.isEmpty() ? null : rows.get(Math.min(selected, rows.size() - 1));
    }

    public int selectedIndex() {
        return selected;
    }

    /** The first row to draw so that the selection is visible in `height` rows. */
    public int top(int height, int size) {
        if (selected < top) {
            top = selected;
        } else if (selected >= top + height) {
            top = selected - height + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, size - height)));
        return top;
    }

    public String filter() {
        return filter;
    }

    public void setFilter(String text) {
        filter = text == null ? "" : text;
    }

    /** `>`: the next column that sorts (htop's way of choosing the sort column). */
    public void nextSort() {
        stepSort(1);
    }

    /** `<`: the previous column that sorts. */
    public void previousSort() {
        stepSort(-1);
    }

    private void stepSort(int direction) {
        int n = source.columns().size();
        int now = sortColumn();
        for (int step = 1; step <= n; step++) {
            int c = Math.floorMod(now + direction * step, n);
            if (source.sorter(c) != null) {
                sortTitle = source.columns().get(c).title();
                descending = false;
                return;
            }
        }
    }

    /** Sorts by the column titled `title` (any case), if it sorts; false when there is none such. */
    public boolean sortBy(String title, boolean descend) {
        List<Column> columns = source.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).title().equalsIgnoreCase(title) && source.sorter(c) != null) {
                sortTitle = columns.get(c).title();
                descending = descend;
                return true;
            }
        }
        return false;
    }

    public void reverse() {
        descending = !descending;
    }

    /** The index of the sort column among the source's columns now (the default one when it went away). */
    public int sortColumn() {
        List<Column> columns = source.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).title().equals(sortTitle)) {
                return c;
            }
        }
        return source.defaultSort();
    }

    public boolean descending() {
        return descending;
    }
}
