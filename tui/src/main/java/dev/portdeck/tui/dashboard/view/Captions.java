package dev.portdeck.tui.dashboard.view;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.Readouts;
import dev.portdeck.tui.dashboard.table.ServersSource;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The words around the tables: the header bars, the line describing the selected row, the empty-table line. */
public final class Captions {

    private final Deck deck;
    private final Glyphs glyphs;
    private final boolean readOnly;
    private final Duration interval;
    private final String panelLabel;
    private final Readouts readouts;

    public Captions(Deck deck, Glyphs glyphs, boolean readOnly, Duration interval, String panelLabel) {
        this.deck = deck;
        this.glyphs = glyphs;
        this.readOnly = readOnly;
        this.interval = interval;
        this.panelLabel = panelLabel;
        this.readouts = new Readouts(glyphs);
    }

    public String serversTitle() {
        return "portdeck" + glyphs.dot() + panelLabel + glyphs.dot() + deck.servers().size() + " servers";
    }

    /** The allocations header: the server, its node, what it is doing (power, panel status) and its allocations. */
    public String allocationsTitle(String serverId) {
        Server s = deck.server(serverId);
        if (s == null) {
            return "portdeck" + glyphs.into() + serverId;
        }
        return "portdeck" + glyphs.into() + s.name() + " (" + s.identifier() + ")" + glyphs.dot() + s.node()
                + glyphs.dot() + doing(s) + glyphs.dot() + allocations(s);
    }

    /**
     * "running 4h0m", "offline", "SUSPENDED · power —", "installing · running", "transferring", "node under
     * maintenance": what the panel says about the server first, then its power.
     */
    String doing(Server s) {
        List<String> parts = new ArrayList<>();
        if (s.suspended()) {
            parts.add("SUSPENDED");
        }
        if (s.status() != null && !s.status().isBlank() && !s.status().equalsIgnoreCase("suspended")) {
            parts.add(ServersSource.statusWord(s.status()));
        }
        if (s.transferring()) {
            parts.add("transferring");
        }
        if (s.nodeUnderMaintenance()) {
            parts.add("node under maintenance");
        }
        PowerState p = deck.power(s.identifier());
        long up = deck.uptimeMillis(s.identifier());
        if (deck.nodeProblem(s.identifier()) != null) {
            parts.add("power " + glyphs.none() + " (the node's Wings does not answer the panel)");
        } else {
            parts.add(p == null ? "power " + glyphs.none() : p.apiName() + (up > 0 ? " " + readouts.uptime(up) : ""));
        }
        return String.join(glyphs.dot(), parts);
    }

    /** "3/5 allocations"; "no primary" after the primary was removed (Pelican allows it) until one is set. */
    private String allocations(Server s) {
        if (deck.allocationProblem(s.identifier()) != null) {
            return "allocations unreadable";
        }
        boolean noPrimary = !s.allocations().isEmpty() && s.primaryAllocation() == null;
        return (noPrimary ? "no primary" + glyphs.dot() : "") + s.allocations().size() + "/" + s.allocationLimit()
                + " allocations";
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

    /** The line for an empty table: loading, or nothing (matches). Null when a problem explains it instead. */
    public String empty(String what, String filter) {
        if (deck.problem() != null && !deck.loaded()) {
            return null;
        }
        return deck.loading() ? "loading " + what + glyphs.ellipsis()
                : "no " + what + (filter.isEmpty() ? "" : " match the filter");
    }

    /** The uuid, how many allocations answer, and what keeps the panel from changing it or reading its state. */
    public String serverDetail(Server s) {
        int expected = deck.closedAsExpected(s);
        String blocked = s.blockedBy();
        String node = deck.nodeProblem(s.identifier());
        return s.uuid() + glyphs.dot() + deck.reachable(s) + " of " + s.allocations().size() + " allocations answer"
                + (expected > 0 ? " (" + expected + " closed as expected)" : "")
                + (blocked == null ? "" : glyphs.dot() + "the panel refuses changes: " + blocked)
                + (node == null ? "" : glyphs.dot() + node);
    }

    /** Everything about one allocation that the columns may have cut: state and why, when checked, the notes. */
    public String allocationDetail(Allocation a, AllocationsSource source, Instant now) {
        String notes = a.notes() == null || a.notes().isBlank() ? "" : glyphs.dot() + a.notes();
        String why = source.reason(a);
        String service = source.serviceSummary(a);
        return "#" + a.id() + " " + a.address() + (a.primary() ? " primary" : "") + glyphs.dot() + source.stateText(a)
                + (why.isEmpty() ? "" : " (" + why + ")") + (service.isEmpty() ? "" : glyphs.dot() + service)
                + glyphs.dot() + "checked " + source.checkedText(a, now) + notes;
    }
}
