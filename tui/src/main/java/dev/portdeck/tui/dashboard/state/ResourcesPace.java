package dev.portdeck.tui.dashboard.state;

import java.time.Duration;

/**
 * How often the dashboard reads each server's `/resources`, as htop-like tools keep fresh what is on screen: the
 * servers whose rows show (or whose allocations are open) every `onScreen`, a server that comes into view once the view
 * has rested `settle` (scrolling past a hundred rows asks nothing), every other server every `offScreen`, so that
 * sorting by power or traffic still orders the whole list.
 *
 * @param onScreen  the panel caches `/resources` about 20 s: reading faster only costs requests
 * @param offScreen 3 min: a ninth of the on-screen rate per server, so a 90-server panel's rows off screen cost what a
 *                  row on screen does (and more servers than that are read less often still, see {@link #OFF_SCREEN})
 * @param settle    how long the rows on screen must stay the same before the ones that came into view are read
 */
public record ResourcesPace(Duration onScreen, Duration offScreen, Duration settle) {

    public static final ResourcesPace DEFAULT =
            new ResourcesPace(Duration.ofSeconds(20), Duration.ofMinutes(3), Duration.ofMillis(250));

    /** Reads of servers on screen per `onScreen`: two a second at 20 s; more rows than this stretch the period. */
    static final int ON_SCREEN = 40;
    /** Reads of servers off screen per `onScreen` at most: one every 2 s at 20 s, so 2.5 a second in all at most. */
    static final int OFF_SCREEN = 10;

    /** The time between two reads of a server on screen when `rows` of them are: slower past {@link #ON_SCREEN}. */
    Duration period(int rows) {
        return rows <= ON_SCREEN ? onScreen : onScreen.multipliedBy(rows).dividedBy(ON_SCREEN);
    }

    /** How many servers off screen one period of that length may read. */
    int offScreenReads(Duration period) {
        return (int) Math.max(1, OFF_SCREEN * period.toMillis() / Math.max(1, onScreen.toMillis()));
    }
}
