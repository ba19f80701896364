package dev.portdeck.tui.dashboard.table;

import dev.portdeck.tui.dashboard.theme.Tone;
import java.util.function.IntFunction;

/**
 * The text of one table cell and what it means. A cell whose content depends on the room it gets (a history that
 * grows with the column) has `sized`, asked with the column's width when it is drawn.
 */
public record Cell(String text, Tone tone, IntFunction<String> sized) {

    public static Cell of(String text) {
        return new Cell(text == null ? "" : text, Tone.NORMAL, null);
    }

    public static Cell of(String text, Tone tone) {
        return new Cell(text == null ? "" : text, tone, null);
    }

    /** A cell drawn by `render(width)`; `text` stands for it in filters and descriptions. */
    public static Cell sized(String text, Tone tone, IntFunction<String> render) {
        return new Cell(text == null ? "" : text, tone, render);
    }

    /** The text to draw in `width` columns. */
    public String textFor(int width) {
        return sized == null ? text : sized.apply(width);
    }
}
