package dev.portdeck.tui.dashboard.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * `?`: every key of the table, grouped by the views it works in, with why it is unavailable when it is (greyed); in
 * two columns when one does not fit.
 */
public final class HelpPage {

    private static final int KEYS = 10;
    private static final int TWO_COLUMNS = 80;
    private final Painter painter;
    private final Palette palette;

    public HelpPage(Painter painter) {
        this.painter = painter;
        this.palette = painter.palette();
    }

    /** One line of the page: a heading (binding null) or a key. */
    private record Line(String heading, Binding binding) {
    }

    /** How many pages the help needs at this size (two columns from 80 wide, else one). */
    public int pages(TextGraphics g, Keymap keymap) {
        return layout(g.getSize().getColumns(), g.getSize().getRows(), lines(keymap)).size();
    }

    /** Draws page `page` (0-based, clamped) of the help. */
    public void paint(TextGraphics g, Keymap keymap, Function<Binding, String> unavailable, int page) {
        int width = g.getSize().getColumns();
        int height = g.getSize().getRows();
        List<List<List<Line>>> pages = layout(width, height, lines(keymap));
        int p = Math.max(0, Math.min(page, pages.size() - 1));
        palette.apply(g, Tone.NORMAL);
        g.fill(' ');
        painter.bar(g, 0, "portdeck keys" + (pages.size() > 1 ? " (" + (p + 1) + "/" + pages.size() + ")" : ""),
                pages.size() > 1 ? "Space: more · other keys close" : "any key closes this help");
        List<List<Line>> columns = pages.get(p);
        int colWidth = width >= TWO_COLUMNS ? width / 2 : width;
        for (int c = 0; c < columns.size(); c++) {
            List<Line> column = columns.get(c);
            for (int i = 0; i < column.size(); i++) {
                Line line = column.get(i);
                int x = c * colWidth;
                if (line.binding() == null) {
                    palette.apply(g, Tone.DIM);
                    ScreenText.put(g, x, 1 + i, painter.fit(line.heading(), colWidth - 1, false));
                } else {
                    key(g, x, 1 + i, colWidth - 1, line.binding(), unavailable.apply(line.binding()));
                }
            }
        }
    }

    /** Pages of columns of lines; a heading never ends a column (it moves to the next, with its keys). */
    private static List<List<List<Line>>> layout(int width, int height, List<Line> lines) {
        int perColumn = Math.max(2, height - 1);
        int perPage = width >= TWO_COLUMNS ? 2 : 1;
        List<List<Line>> columns = new ArrayList<>();
        List<Line> column = new ArrayList<>();
        for (Line line : lines) {
            boolean full = column.size() == perColumn || (line.binding() == null && column.size() == perColumn - 1);
            if (full) {
                columns.add(column);
                column = new ArrayList<>();
            }
            column.add(line);
        }
        columns.add(column);
        List<List<List<Line>>> pages = new ArrayList<>();
        for (int i = 0; i < columns.size(); i += perPage) {
            pages.add(columns.subList(i, Math.min(columns.size(), i + perPage)));
        }
        return pages;
    }

    /** The bindings under a heading per group of views, in the order of the table. */
    private static List<Line> lines(Keymap keymap) {
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        for (Binding b : keymap.bindings()) {
            groups.computeIfAbsent(b.where(), k -> new ArrayList<>()).add(b);
        }
        List<Line> lines = new ArrayList<>();
        groups.forEach((where, bindings) -> {
            lines.add(new Line(where.isEmpty() ? "In every view" : "In " + where, null));
            bindings.forEach(b -> lines.add(new Line(null, b)));
        });
        return lines;
    }

    private void key(TextGraphics g, int x, int y, int width, Binding b, String why) {
        palette.apply(g, why == null ? Tone.ACCENT : Tone.DIM);
        ScreenText.put(g, x + 1, y, painter.fit(b.keys(), KEYS - 1, false));
        palette.apply(g, why == null ? Tone.NORMAL : Tone.DIM);
        String text = b.does() + (why == null ? "" : " (" + why + ")");
        ScreenText.put(g, x + KEYS + 1, y, painter.fit(text, Math.max(0, width - KEYS - 1), false));
    }
}
