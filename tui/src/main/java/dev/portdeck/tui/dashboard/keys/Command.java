package dev.portdeck.tui.dashboard.keys;

/** Everything a key can ask the dashboard to do. */
public enum Command {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, BACK, FILTER, SORT, REVERSE,
    REFRESH, PROBE_NOW, PAUSE,
    ADD, PRIMARY, NOTES, REMOVE,
    HELP, QUIT
}
