package dev.portdeck.tui.dashboard;

/** The screens of the dashboard. */
enum View {
    SERVERS, ALLOCATIONS
}
