package dev.portdeck.tui.dashboard.table;

import dev.portdeck.tui.dashboard.theme.Tone;
/** The text of one table cell and what it means. */
public record Cell(String text, Tone tone) {

    static Cell of(String text) {
        return new Cell(text == null ? "" : text, Tone.NORMAL);
    }

    static Cell of(String text, Tone tone) {
        return new Cell(text == null ? "" : text, tone);
    }
}
