package dev.portdeck.tui.dashboard.view;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.Cell;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The words around the tables: the header bars, the line describing the selected row, the empty-table line. */
public final class Captions {

    private final Deck deck;
    private final Glyphs glyphs;
    private final boolean readOnly;
    private final Duration interval;
    private final String panelLabel;

    public Captions(Deck deck, Glyphs glyphs, boolean readOnly, Duration interval, String panelLabel) {
        this.deck = deck;
        this.glyphs = glyphs;
        this.readOnly = readOnly;
        this.interval = interval;
        this.panelLabel = panelLabel;
    }

    public String serversTitle() {
        return "portdeck" + glyphs.dot() + panelLabel + glyphs.dot() + deck.servers().size() + " servers";
    }

    public String allocationsTitle(String serverId) {
        Server s = deck.server(serverId);
        String title = s == null ? serverId
                : s.name() + " (" + s.identifier() + ")" + glyphs.dot() + s.node() + glyphs.dot()
                        + s.allocations().size() + "/" + s.allocationLimit() + " allocations";
        return "portdeck" + glyphs.into() + title;
    }

    /** The header's right side: read-only, loading, paused or how often the probes run. */
    public String liveness() {
        String mode = readOnly ? "read-only" + glyphs.dot() : "";
        if (deck.loading()) {
            return mode + "loading" + glyphs.ellipsis();
        }
        return mode + (deck.paused() ? "PAUSED (z)" : "live every " + every());
    }

    private String every() {
        long ms = interval.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    public String empty(String what, String filter) {
        if (deck.problem() != null && !deck.loaded()) {
            return "";
        }
        return deck.loading() ? "loading " + what + glyphs.ellipsis()
                : "no " + what + (filter.isEmpty() ? "" : " match the filter");
    }

    public String serverDetail(Server s) {
        return s.uuid() + glyphs.dot() + deck.reachable(s) + " of " + s.allocations().size() + " allocations answer";
    }

    /** Everything about one allocation that the columns may have cut: state and why, when checked, the notes. */
    public String allocationDetail(Allocation a, AllocationsSource source, Instant now) {
        List<Cell> cells = source.cells(a, now);
        String notes = a.notes() == null || a.notes().isBlank() ? "" : glyphs.dot() + a.notes();
        String why = source.reason(a);
        return "#" + a.id() + " " + a.address() + (a.primary() ? " primary" : "") + glyphs.dot() + cells.get(5).text()
                + (why.isEmpty() ? "" : " (" + why + ")") + glyphs.dot() + "checked " + cells.get(11).text() + notes;
    }
}
