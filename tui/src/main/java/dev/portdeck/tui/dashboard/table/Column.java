package dev.portdeck.tui.dashboard.table;

/**
 * One column of a table. Every column has room for its title and the sort arrow, so a header is never cut.
 *
 * @param title    the heading
 * @param width    the width it gets (the minimum, for a flexible column)
 * @param flexible whether it takes the room that is left (up to `max`)
 * @param max      the widest a flexible column grows
 * @param drop     the order in which columns go when the terminal is narrow: 0 never, higher goes first
 * @param right    right-aligned (numbers)
 * @param last     a flexible column that grows only once the others are as wide as they get (a history)
 */
public record Column(String title, int width, boolean flexible, int max, int drop, boolean right, boolean last) {

    public Column {
        width = Math.max(width, title.length() + 1);
        max = Math.max(max, width);
    }

    public static Column fixed(String title, int width, int drop) {
        return new Column(title, width, false, width, drop, false, false);
    }

    public static Column number(String title, int width, int drop) {
        return new Column(title, width, false, width, drop, true, false);
    }

    public static Column flexible(String title, int min, int max, int drop) {
        return new Column(title, min, true, max, drop, false, false);
    }

    /** Flexible, but it takes only the room the other flexible columns leave (a history on a wide terminal). */
    public static Column filler(String title, int min, int max, int drop) {
        return new Column(title, min, true, max, drop, false, true);
    }
}
