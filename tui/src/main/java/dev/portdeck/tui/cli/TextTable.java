package dev.portdeck.tui.cli;

import dev.portdeck.tui.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table: a header row, two spaces between columns, no trailing spaces. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(TerminalText.clean(c == null ? "" : c.toString()));
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).codePointCount(0, r.get(i).length()));
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
                b.append(" ".repeat(widths[i] - c.codePointCount(0, c.length()) + 2));
            }
        }
        out.println(b.toString().stripTrailing());
    }

}
