package dev.portdeck.tui.dashboard.keys;

/** The screens of the dashboard. */
public enum View {
    SERVERS, ALLOCATIONS
}
