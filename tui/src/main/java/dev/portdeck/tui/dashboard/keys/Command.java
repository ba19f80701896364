package dev.portdeck.tui.dashboard.keys;

/** Everything a key can ask the dashboard to do. */
public enum Command {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, DETAIL, BACK, FILTER, SORT_NEXT, SORT_PREVIOUS, REVERSE,
    REFRESH, PROBE_NOW, PAUSE, COPY, CHECK,
    ADD, PRIMARY, NOTES, REMOVE,
    HELP, QUIT
}
