package dev.portdeck.tui.dashboard.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Command;
import dev.portdeck.tui.dashboard.table.Cell;
import dev.portdeck.tui.dashboard.table.Column;
import dev.portdeck.tui.dashboard.table.ColumnLayout;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Draws the dashboard's parts: bars, lines, wrapped messages, tables, the hint line, the too-small notice. */
public final class Painter {

    private final Palette palette;
    private final Glyphs glyphs;

    public Painter(Palette palette, Glyphs glyphs) {
        this.palette = palette;
        this.glyphs = glyphs;
    }

    Palette palette() {
        return palette;
    }

    /** `text` cut (with an ellipsis) or padded to exactly `width` columns; line breaks become spaces. */
    String fit(String text, int width, boolean right) {
        return ScreenText.fit(glyphs.plain(text), width, right, glyphs.ellipsis());
    }

    /** A reverse-video bar with `left` text and `right` text at the edge. */
    public void bar(TextGraphics g, int row, String left, String right) {
        int width = g.getSize().getColumns();
        palette.applyBar(g);
        String r = right == null ? "" : " " + right + " ";
        int rw = Math.min(ScreenText.width(r), width);
        ScreenText.put(g, 0, row, fit(" " + left, width - rw, false) + fit(r, rw, false));
    }

    public void line(TextGraphics g, int row, String text, Tone tone) {
        palette.apply(g, tone);
        ScreenText.put(g, 0, row, fit(text, g.getSize().getColumns(), false));
    }

    /**
     * `text` word-wrapped to the width and drawn ending at row `bottom` (so nothing of it is cut, as a one-line status
     * would), but not above row `top`. Returns the first row used.
     */
    public int message(TextGraphics g, int top, int bottom, String text, Tone tone) {
        List<String> lines = ScreenText.wrap(text, g.getSize().getColumns());
        int first = Math.max(top, bottom - lines.size() + 1);
        for (int row = first; row <= bottom; row++) {
            line(g, row, lines.get(row - first), tone);
        }
        return first;
    }

    /** Column titles at `y`, rows below it in `height` lines; keeps the selection in view. Returns the first row drawn. */
    public <R> int table(TextGraphics g, int y, int height, RowTable<R> table, List<R> rows, Instant now) {
        int width = g.getSize().getColumns();
        List<Column> columns = table.source().columns();
        ColumnLayout layout = ColumnLayout.fit(columns, width);
        titles(g, y, columns, layout, table);
        int top = table.top(height - 1, rows.size());
        for (int line = 0; line < height - 1; line++) {
            int i = top + line;
            if (i < rows.size()) {
                row(g, y + 1 + line, width, table.source().cells(rows.get(i), now), columns, layout,
                        i == table.selectedIndex());
            } else {
                palette.apply(g, Tone.NORMAL);
                ScreenText.blank(g, 0, y + 1 + line, width);
            }
        }
        return top;
    }

    /** The sort column's title carries the arrow; every column has room for it (see {@link Column}). */
    private <R> void titles(TextGraphics g, int y, List<Column> columns, ColumnLayout layout, RowTable<R> table) {
        palette.apply(g, Tone.NORMAL);
        g.enableModifiers(SGR.BOLD);
        ScreenText.blank(g, 0, y, g.getSize().getColumns());
        int x = 0;
        for (int k = 0; k < layout.indexes().length; k++) {
            int c = layout.indexes()[k];
            String title = columns.get(c).title();
            if (c == table.sortColumn()) {
                title = title + (table.descending() ? glyphs.downward() : glyphs.up());
            }
            ScreenText.put(g, x, y, fit(title, layout.widths()[k], columns.get(c).right()));
            x += layout.widths()[k] + ColumnLayout.GAP;
        }
    }

    /** One table row, each of its cells drawn once (a redraw's cost is mostly per cell): text, gaps, the rest. */
    private void row(TextGraphics g, int y, int width, List<Cell> cells, List<Column> columns, ColumnLayout layout,
            boolean selected) {
        int x = 0;
        int count = layout.indexes().length;
        for (int k = 0; k < count; k++) {
            int c = layout.indexes()[k];
            Cell cell = cells.get(c);
            if (selected) {
                palette.applySelected(g);
            } else {
                palette.apply(g, cell.tone());
            }
            int w = layout.widths()[k];
            String text = fit(cell.textFor(w), w, columns.get(c).right());
            int end = ScreenText.put(g, x, y, text);
            if (!selected) {
                if (cell.tone() != Tone.DIM) { // a dimmed history is no alarm (a port closed by design)
                    markFailures(g, x, y, text);
                }
                palette.apply(g, Tone.NORMAL);
            }
            x = k + 1 < count ? x + w + ColumnLayout.GAP : width;
            ScreenText.blank(g, end, y, x - end);
        }
        if (count == 0) {
            if (selected) {
                palette.applySelected(g);
            } else {
                palette.apply(g, Tone.NORMAL);
            }
            ScreenText.blank(g, 0, y, width);
        }
    }

    /** Failed probes in a sparkline stand out in the alarm tone. */
    private void markFailures(TextGraphics g, int x, int y, String text) {
        if (text.indexOf(glyphs.failed()) < 0 || !isSparkline(text)) {
            return;
        }
        palette.apply(g, Tone.BAD);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == glyphs.failed()) {
                g.setCharacter(x + i, y, glyphs.failed());
            }
        }
    }

    private boolean isSparkline(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == glyphs.failed() || glyphs.bars().indexOf(c) >= 0);
    }

    /** The footer: each hint is "key word"; unavailable ones are dimmed; help and quit always find room. */
    public void hints(TextGraphics g, int row, List<Binding> hints, Function<Binding, String> unavailable) {
        int width = g.getSize().getColumns();
        palette.apply(g, Tone.NORMAL);
        ScreenText.blank(g, 0, row, width);
        int reserved = hints.stream().filter(Painter::essential).mapToInt(b -> hintText(b, false).length() + 2).sum();
        int x = 0;
        for (Binding b : hints) {
            boolean off = unavailable.apply(b) != null;
            String text = hintText(b, off && !palette.hasColor());
            int room = essential(b) ? width : width - reserved;
            if (x + text.length() > room) {
                continue;
            }
            String key = b.keys().split(" ")[0];
            palette.apply(g, off ? Tone.DIM : Tone.ACCENT);
            ScreenText.put(g, x, row, key);
            palette.apply(g, off ? Tone.DIM : Tone.NORMAL);
            ScreenText.put(g, x + key.length(), row, text.substring(key.length()));
            x += text.length() + 2;
            if (essential(b)) {
                reserved -= text.length() + 2;
            }
        }
    }

    private static boolean essential(Binding b) {
        return b.command() == Command.HELP || b.command() == Command.QUIT;
    }

    /** "a add", or "a (add)" for an unavailable key when there is no colour to dim it with. */
    private static String hintText(Binding b, boolean bracketed) {
        String key = b.keys().split(" ")[0];
        return bracketed ? key + " (" + b.hint() + ")" : key + " " + b.hint();
    }

    public void tooSmall(TextGraphics g, int needCols, int needRows) {
        palette.apply(g, Tone.NORMAL);
        g.fill(' ');
        int cols = g.getSize().getColumns();
        String text = "portdeck needs a terminal of at least " + needCols + "x" + needRows + "; this one is "
                + cols + "x" + g.getSize().getRows() + ". Enlarge the window, or press q to quit.";
        List<String> lines = ScreenText.wrap(text, Math.max(10, cols - 2));
        for (int i = 0; i < lines.size() && i < g.getSize().getRows(); i++) {
            ScreenText.put(g, 1, i, lines.get(i));
        }
    }
}
