package dev.portdeck.tui.dashboard.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text model under every field: readline's moves and deletions, counted in characters (code points). */
class LineEditTest {

    @Test
    void ctrlUClearsFromTheEndAndCtrlKCutsToTheEnd() {
        LineEdit e = new LineEdit("x".repeat(300));
        e.killToStart();
        assertEquals("", e.text(), "one key clears a 300-character note");
        e.set("hello world");
        e.home();
        e.wordForward();
        e.killToEnd();
        assertEquals("hello", e.text());
    }

    @Test
    void wordsMoveAndDieAsInAShell() {
        LineEdit e = new LineEdit("mc survival  1.21");
        e.killWordBack();
        assertEquals("mc survival  ", e.text());
        e.killWordBack();
        assertEquals("mc ", e.text(), "Ctrl-W eats the blanks before the word too");
        e.set("alpha beta gamma");
        e.wordBack();
        e.wordBack();
        assertEquals(6, e.cursor(), "Alt-B twice: the start of beta");
        e.wordForward();
        assertEquals(10, e.cursor(), "Alt-F: the end of beta");
        e.killWordForward();
        assertEquals("alpha beta", e.text());
    }

    @Test
    void anEmojiIsOneCharacter() {
        LineEdit e = new LineEdit("a\uD83C\uDFAEb");
        assertEquals(3, e.length());
        e.left();
        e.backspace();
        assertEquals("ab", e.text(), "backspace takes the whole emoji, never half of it");
        e.home();
        e.delete();
        assertEquals("b", e.text());
    }
}
