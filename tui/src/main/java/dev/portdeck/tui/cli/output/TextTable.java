package dev.portdeck.tui.cli.output;

import dev.portdeck.tui.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table: a header row, two spaces between columns, no trailing spaces. Cells are cleaned of
 * terminal controls and aligned by the columns they take on screen (a CJK character takes two), not by code points.
 */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(TerminalText.clean(c == null ? "" : c.toString()));
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = TerminalText.width(headers.get(i));
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], TerminalText.width(r.get(i)));
            }
        }
        line(out, headers, widths);
        rows.forEach(r -> line(out, r, widths));
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(c);
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - TerminalText.width(c) + 2));
            }
        }
        out.println(b.toString().stripTrailing());
    }

}
