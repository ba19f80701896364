package dev.portdeck.tui.dashboard.state;

/** Milliseconds since the dashboard began starting, for the startup timings in the log. */
public final class StartClock {

    private static final long START = System.nanoTime();
    private static volatile boolean begun;

    private StartClock() {
    }

    /** Touch it first thing, so later readings count from the dashboard's start. */
    public static void begin() {
        begun = true;
    }

    /** Whether a real start is being timed (not a test driving a virtual terminal). */
    public static boolean timing() {
        return begun;
    }

    public static long millis() {
        return (System.nanoTime() - START) / 1_000_000;
    }
}
