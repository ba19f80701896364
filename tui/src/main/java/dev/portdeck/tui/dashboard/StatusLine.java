package dev.portdeck.tui.dashboard;

/** Where one-line news goes: done, refused, failed. */
interface StatusLine {
    void say(String sentence, Tone tone);
}
