package dev.portdeck.tui.dashboard;

/** Everything a key can ask the dashboard to do. */
enum Command {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, BACK, FILTER, SORT, REVERSE,
    REFRESH, PROBE_NOW, PAUSE,
    ADD, PRIMARY, NOTES, REMOVE,
    HELP, QUIT
}
