package dev.portdeck.tui.dashboard;

/** What a piece of text means to the reader; the {@link Palette} turns it into colour (or not). */
enum Tone {
    NORMAL, GOOD, BAD, WARN, DIM, ACCENT
}
