package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.dashboard.view.Captions;
import dev.portdeck.tui.dashboard.view.DetailPane;
import dev.portdeck.tui.dashboard.view.Painter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One frame of the dashboard: the header, the table or the details, the line about the selection, the status line
 * (news, the filter being typed, a lost panel's countdown) and the key hints. A panel error is never cut at the edge.
 */
final class Frame {

    private final Deck deck;
    private final Painter painter;
    private final Captions captions;
    private final DetailPane detail;
    private final Keymap keymap;
    private final Glyphs glyphs;

    Frame(Deck deck, Painter painter, Captions captions, DetailPane detail, Keymap keymap, Glyphs glyphs) {
        this.deck = deck;
        this.painter = painter;
        this.captions = captions;
        this.detail = detail;
        this.keymap = keymap;
        this.glyphs = glyphs;
    }

    /** Rows for the table (titles included): all but the header, the selection line, the status and the hints. */
    static int tableHeight(int rows) {
        return Math.max(1, rows - 4);
    }

    void paint(TextGraphics g, Navigation nav, News news, StringBuilder filterInput,
            Function<Binding, String> unavailable) {
        int rows = g.getSize().getRows();
        Instant now = deck.now();
        nav.leaveDetailsIfGone();
        int shown = switch (nav.view()) {
            case SERVERS -> servers(g, nav.servers(), now);
            case ALLOCATIONS -> allocations(g, nav, now);
            case DETAIL -> details(g, nav, now);
        };
        status(g, rows - 2, nav, news, filterInput, shown);
        painter.hints(g, rows - 1, keymap.hints(nav.view()), unavailable);
    }

    private int servers(TextGraphics g, RowTable<Server> servers, Instant now) {
        List<Server> rows = servers.visible(now);
        painter.bar(g, 0, captions.serversTitle(), captions.liveness());
        int height = tableHeight(g.getSize().getRows());
        int top = painter.table(g, 1, height, servers, rows, now);
        deck.onScreen(identifiers(rows.subList(top, Math.min(rows.size(), top + height - 1))));
        Server s = servers.selectedRow(rows);
        String below = s == null ? captions.empty("servers", servers.filter()) : captions.serverDetail(s);
        painter.line(g, g.getSize().getRows() - 3, below == null ? "" : below, Tone.DIM);
        problemOverTable(g, rows.isEmpty(), deck.problem());
        return rows.size();
    }

    private int allocations(TextGraphics g, Navigation nav, Instant now) {
        RowTable<Allocation> table = nav.allocations();
        List<Allocation> rows = table.visible(now);
        String id = nav.openServer();
        deck.onScreen(id == null ? List.of() : List.of(id));
        painter.bar(g, 0, captions.allocationsTitle(id), captions.liveness());
        painter.table(g, 1, tableHeight(g.getSize().getRows()), table, rows, now);
        Allocation a = table.selectedRow(rows);
        String below = a == null ? captions.empty("allocations", table.filter())
                : captions.allocationDetail(a, nav.allocationsSource(), now);
        painter.line(g, g.getSize().getRows() - 3, below == null ? "" : below, Tone.DIM);
        String unreadable = deck.allocationProblem(id);
        problemOverTable(g, rows.isEmpty(), unreadable == null ? deck.problem()
                : "The allocations could not be read: " + unreadable);
        return rows.size();
    }

    private static List<String> identifiers(List<Server> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        rows.forEach(s -> ids.add(s.identifier()));
        return ids;
    }

    /** A panel error in full, wrapped to the width over the table's last rows (all of them when it is empty). */
    private void problemOverTable(TextGraphics g, boolean empty, String problem) {
        if (problem == null) {
            return;
        }
        int bottom = g.getSize().getRows() - 3;
        int first = painter.message(g, empty ? 2 : Math.max(2, bottom - 3), bottom, problem, Tone.BAD);
        if (empty && first > 2) {
            painter.message(g, 2, first - 1, "", Tone.NORMAL);
        }
    }

    private int details(TextGraphics g, Navigation nav, Instant now) {
        Allocation a = nav.selectedAllocation();
        Server s = deck.server(nav.openServer());
        deck.onScreen(s == null ? List.of() : List.of(s.identifier()));
        painter.bar(g, 0, detail.title(s == null ? nav.openServer() : s.name(), a), captions.liveness());
        for (int row = 1; row < g.getSize().getRows() - 2; row++) {
            painter.line(g, row, "", Tone.NORMAL);
        }
        detail.paint(g, 1, g.getSize().getRows() - 2, a, nav.allocationsSource(), now);
        return 1;
    }

    private void status(TextGraphics g, int row, Navigation nav, News news, StringBuilder filterInput, int shown) {
        Duration retry = deck.retryIn();
        if (filterInput != null) {
            painter.line(g, row, "/" + filterInput + "_   (Enter keeps the filter, Esc clears it)", Tone.ACCENT);
        } else if (!news.text().isEmpty() && ScreenText.width(news.text()) > g.getSize().getColumns()) {
            painter.message(g, Math.max(2, row - 3), row, news.text(), news.tone()); // wrapped upward, never cut
        } else if (!news.text().isEmpty()) {
            painter.line(g, row, news.text(), news.tone());
        } else if (deck.problem() != null) {
            painter.line(g, row, (retry == null ? "The panel said no" : "Trying the panel again in "
                    + Math.max(1, (retry.toMillis() + 999) / 1000) + "s") + glyphs.dot() + "r: now", Tone.BAD);
        } else if (deck.evidence().historyProblem() != null) {
            painter.line(g, row, "History: " + deck.evidence().historyProblem() + (deck.evidence().historyRead() ? " (the columns show its "
                    + "last answer)" : "") + glyphs.dot() + "r: again", Tone.WARN);
        } else if (nav.view() == View.DETAIL) {
            painter.line(g, row, "j/k: the next/previous allocation" + glyphs.dot() + "Esc: back to the table"
                    + glyphs.dot() + "? for keys", Tone.DIM);
        } else {
            painter.line(g, row, count(nav.table(), shown), Tone.DIM);
        }
    }

    private String count(RowTable<?> t, int shown) {
        int total = t.source().rows().size();
        String filter = t.filter().isEmpty() ? "" : "filter \"" + t.filter() + "\": ";
        String sorted = t.source().columns().get(t.sortColumn()).title().toLowerCase(Locale.ROOT)
                + (t.descending() ? glyphs.downward() : glyphs.up());
        return filter + shown + " of " + total + glyphs.dot() + "sorted by " + sorted + " (< > I)" + glyphs.dot()
                + "? for keys";
    }
}
