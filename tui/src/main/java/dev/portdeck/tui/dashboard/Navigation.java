package dev.portdeck.tui.dashboard;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.table.ServersSource;
import dev.portdeck.tui.dashboard.theme.Glyphs;

/** Which view shows, and where each table stands: the servers always, one server's allocations once opened. */
final class Navigation {

    private final Deck deck;
    private final Glyphs glyphs;
    private final RowTable<Server> servers;
    private RowTable<Allocation> allocations;
    private View view = View.SERVERS;

    Navigation(Deck deck, Glyphs glyphs, DashboardOptions options) {
        this.deck = deck;
        this.glyphs = glyphs;
        this.servers = new RowTable<>(new ServersSource(deck, glyphs));
        if (options.sort() != null) {
            servers.sortBy(options.sort(), options.sortDescending());
        }
    }

    View view() {
        return view;
    }

    RowTable<Server> servers() {
        return servers;
    }

    /** The open server's allocations, or null on the servers view. */
    RowTable<Allocation> allocations() {
        return allocations;
    }

    AllocationsSource allocationsSource() {
        return (AllocationsSource) allocations.source();
    }

    /** The table on screen (the allocations' in the details too). */
    RowTable<?> table() {
        return view == View.SERVERS ? servers : allocations;
    }

    /** The short id of the server whose allocations are open, or null. */
    String openServer() {
        return allocations == null ? null : allocationsSource().serverId();
    }

    Server selectedServer() {
        return servers.selectedRow(servers.visible(deck.now()));
    }

    Allocation selectedAllocation() {
        return allocations == null ? null : allocations.selectedRow(allocations.visible(deck.now()));
    }

    /** Moves the selection of the table on screen; in the details, to the next or previous allocation. */
    void move(int delta) {
        if (view == View.SERVERS) {
            moveIn(servers, delta);
        } else {
            moveIn(allocations, delta);
        }
    }

    private <R> void moveIn(RowTable<R> t, int delta) {
        t.move(t.visible(deck.now()), delta);
    }

    void openAllocations(Server s) {
        allocations = new RowTable<>(new AllocationsSource(deck, s.identifier(), glyphs));
        view = View.ALLOCATIONS;
        deck.showing(s.identifier());
    }

    void showDetails() {
        view = View.DETAIL;
    }

    /** Esc: the filter goes first, then one view back. Returns the view it left, or null when it only cleared. */
    View back() {
        if (view != View.DETAIL && !table().filter().isEmpty()) {
            table().setFilter("");
            return null;
        }
        View left = view;
        if (view == View.DETAIL) {
            view = View.ALLOCATIONS;
        } else if (view == View.ALLOCATIONS) {
            view = View.SERVERS;
            allocations = null;
            deck.showing(null);
        }
        return left;
    }

    /** The allocation shown in the details went away (removed, reloaded): back to the table. */
    void leaveDetailsIfGone() {
        if (view == View.DETAIL && selectedAllocation() == null) {
            view = View.ALLOCATIONS;
        }
    }
}
