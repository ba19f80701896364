package dev.portdeck.tui.dashboard.theme;

/** What a piece of text means to the reader; the {@link Palette} turns it into colour (or not). */
public enum Tone {
    NORMAL, GOOD, BAD, WARN, DIM, ACCENT
}
