package dev.portdeck.tui.dashboard;

/** Milliseconds since the dashboard began starting, for the startup timings in the log. */
final class StartClock {

    private static final long START = System.nanoTime();

    private StartClock() {
    }

    /** Touch it first thing, so later readings count from the dashboard's start. */
    static void begin() {
        // class initialisation records START
    }

    static long millis() {
        return (System.nanoTime() - START) / 1_000_000;
    }
}
