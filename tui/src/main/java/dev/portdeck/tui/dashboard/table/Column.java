package dev.portdeck.tui.dashboard.table;

/**
 * One column of a table.
 *
 * @param title    the heading
 * @param width    the width it gets (the minimum, for a flexible column)
 * @param flexible whether it takes the room that is left (up to `max`)
 * @param max      the widest a flexible column grows
 * @param drop     the order in which columns go when the terminal is narrow: 0 never, higher goes first
 * @param right    right-aligned (numbers)
 */
public record Column(String title, int width, boolean flexible, int max, int drop, boolean right) {

    static Column fixed(String title, int width, int drop) {
        return new Column(title, width, false, width, drop, false);
    }

    static Column number(String title, int width, int drop) {
        return new Column(title, width, false, width, drop, true);
    }

    static Column flexible(String title, int min, int max, int drop) {
        return new Column(title, min, true, max, drop, false);
    }
}
