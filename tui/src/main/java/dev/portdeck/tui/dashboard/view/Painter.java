package dev.portdeck.tui.dashboard.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Command;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.table.Cell;
import dev.portdeck.tui.dashboard.table.Column;
import dev.portdeck.tui.dashboard.table.ColumnLayout;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Draws the dashboard's parts: bars, tables, the hint line, the help page, the too-small notice. */
public final class Painter {

    private final Palette palette;
    private final Glyphs glyphs;

    public Painter(Palette palette, Glyphs glyphs) {
        this.palette = palette;
        this.glyphs = glyphs;
    }

    /** `text` cut (with an ellipsis) or padded to exactly `width` columns; line breaks become spaces. */
    String fit(String text, int width, boolean right) {
        if (width <= 0) {
            return "";
        }
        String clean = TerminalText.clean(text);
        int w = TerminalTextUtils.getColumnWidth(clean);
        if (w > width) {
            String cut = TerminalTextUtils.fitString(clean, width - 1) + glyphs.ellipsis();
            return cut + " ".repeat(Math.max(0, width - TerminalTextUtils.getColumnWidth(cut)));
        }
        String pad = " ".repeat(width - w);
        return right ? pad + clean : clean + pad;
    }


    /** A reverse-video bar with `left` text and `right` text at the edge. */
    public void bar(TextGUIGraphics g, int row, String left, String right) {
        int width = g.getSize().getColumns();
        palette.applyBar(g);
        String r = right == null ? "" : " " + right + " ";
        int rw = TerminalTextUtils.getColumnWidth(r);
        g.putString(0, row, fit(" " + left, Math.max(0, width - rw), false) + fit(r, Math.min(rw, width), false));
    }

    public void line(TextGUIGraphics g, int row, String text, Tone tone) {
        palette.apply(g, tone);
        g.putString(0, row, fit(text, g.getSize().getColumns(), false));
    }

    /** Column titles at `y`, rows below it in `height` lines; returns nothing, keeps the selection in view. */
    public <R> void table(TextGUIGraphics g, int y, int height, RowTable<R> table, List<R> rows, Instant now) {
        int width = g.getSize().getColumns();
        List<Column> columns = table.source().columns();
        ColumnLayout layout = ColumnLayout.fit(columns, width);
        titles(g, y, columns, layout, table);
        int top = table.top(height - 1, rows.size());
        for (int line = 0; line < height - 1; line++) {
            int i = top + line;
            palette.apply(g, Tone.NORMAL);
            g.putString(0, y + 1 + line, " ".repeat(width));
            if (i < rows.size()) {
                row(g, y + 1 + line, width, table.source().cells(rows.get(i), now), columns, layout,
                        i == table.selectedIndex());
            }
        }
    }

    private <R> void titles(TextGUIGraphics g, int y, List<Column> columns, ColumnLayout layout, RowTable<R> table) {
        palette.apply(g, Tone.NORMAL);
        g.enableModifiers(SGR.BOLD);
        g.putString(0, y, " ".repeat(g.getSize().getColumns()));
        int x = 0;
        for (int k = 0; k < layout.indexes().length; k++) {
            int c = layout.indexes()[k];
            String title = columns.get(c).title();
            if (c == table.sortColumn()) {
                title = title + (table.descending() ? glyphs.downward() : glyphs.up());
            }
            g.putString(x, y, fit(title, layout.widths()[k], columns.get(c).right()));
            x += layout.widths()[k] + ColumnLayout.GAP;
        }
    }

    private void row(TextGUIGraphics g, int y, int width, List<Cell> cells, List<Column> columns, ColumnLayout layout,
            boolean selected) {
        if (selected) {
            palette.applySelected(g);
            g.putString(0, y, " ".repeat(width));
        }
        int x = 0;
        for (int k = 0; k < layout.indexes().length; k++) {
            int c = layout.indexes()[k];
            Cell cell = cells.get(c);
            if (!selected) {
                palette.apply(g, cell.tone());
            }
            String text = fit(cell.text(), layout.widths()[k], columns.get(c).right());
            g.putString(x, y, text);
            if (!selected && columns.get(c).title().equals("HISTORY")) {
                markFailures(g, x, y, text);
            }
            x += layout.widths()[k] + ColumnLayout.GAP;
        }
    }

    /** Failed probes in a sparkline stand out in the alarm tone. */
    private void markFailures(TextGUIGraphics g, int x, int y, String text) {
        palette.apply(g, Tone.BAD);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == glyphs.failed()) {
                g.putString(x + i, y, String.valueOf(glyphs.failed()));
            }
        }
    }

    /** The footer: each hint is "key word"; unavailable ones are dimmed; help and quit always find room. */
    public void hints(TextGUIGraphics g, int row, List<Binding> hints, Function<Binding, String> unavailable) {
        int width = g.getSize().getColumns();
        palette.apply(g, Tone.NORMAL);
        g.putString(0, row, " ".repeat(width));
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
            g.putString(x, row, key);
            palette.apply(g, off ? Tone.DIM : Tone.NORMAL);
            g.putString(x + key.length(), row, text.substring(key.length()));
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

    /** Every key of the table, with why it is unavailable when it is; two columns when one does not fit. */
    public void help(TextGUIGraphics g, Keymap keymap, Function<Binding, String> unavailable) {
        int width = g.getSize().getColumns();
        int height = g.getSize().getRows();
        palette.apply(g, Tone.NORMAL);
        g.fill(' ');
        bar(g, 0, "portdeck keys", "any key closes this help");
        List<Binding> all = keymap.bindings();
        int perColumn = Math.max(1, height - 3);
        int columns = all.size() > perColumn ? 2 : 1;
        int colWidth = width / columns;
        for (int i = 0; i < all.size(); i++) {
            int col = i / perColumn;
            if (col >= columns) {
                break;
            }
            helpLine(g, col * colWidth, 2 + i % perColumn, colWidth - 1, all.get(i), unavailable.apply(all.get(i)));
        }
    }

    private void helpLine(TextGUIGraphics g, int x, int y, int width, Binding b, String why) {
        palette.apply(g, why == null ? Tone.ACCENT : Tone.DIM);
        g.putString(x, y, fit(b.keys(), 8, false));
        palette.apply(g, why == null ? Tone.NORMAL : Tone.DIM);
        String text = b.does() + (why == null ? "" : " (" + why + ")");
        g.putString(x + 9, y, fit(text, Math.max(0, width - 9), false));
    }

    public void tooSmall(TextGUIGraphics g, int needCols, int needRows) {
        palette.apply(g, Tone.NORMAL);
        g.fill(' ');
        int cols = g.getSize().getColumns();
        String text = "portdeck needs a terminal of at least " + needCols + "x" + needRows + "; this one is "
                + cols + "x" + g.getSize().getRows() + ". Enlarge the window, or press q to quit.";
        List<String> lines = TerminalTextUtils.getWordWrappedText(Math.max(10, cols - 2), text);
        for (int i = 0; i < lines.size() && i < g.getSize().getRows(); i++) {
            g.putString(1, i, lines.get(i));
        }
    }
}
