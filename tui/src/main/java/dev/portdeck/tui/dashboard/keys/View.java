package dev.portdeck.tui.dashboard.keys;

import java.util.Locale;

/** The screens of the dashboard. */
public enum View {
    SERVERS, ALLOCATIONS, DETAIL;

    /** How the help names it: "servers", "allocations", "details". */
    public String word() {
        return this == DETAIL ? "details" : name().toLowerCase(Locale.ROOT);
    }
}
