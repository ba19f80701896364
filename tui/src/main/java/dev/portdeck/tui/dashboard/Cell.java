package dev.portdeck.tui.dashboard;

/** The text of one table cell and what it means. */
record Cell(String text, Tone tone) {

    static Cell of(String text) {
        return new Cell(text == null ? "" : text, Tone.NORMAL);
    }

    static Cell of(String text, Tone tone) {
        return new Cell(text == null ? "" : text, tone);
    }
}
