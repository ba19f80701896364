package dev.portdeck.tui.dashboard.dialog;

import dev.portdeck.tui.dashboard.theme.Tone;
/** Where one-line news goes: done, refused, failed. */
public interface StatusLine {
    void say(String sentence, Tone tone);
}
