package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.sim.Flavor;
import org.junit.jupiter.api.Test;

/** The notes and add dialogs' fields edit like a shell line, show which one has focus, and count as the panel does. */
class LineEditingTest {

    private static final String SURVIVAL = "Survival SMP";

    private static DeckHarness notesOfTheFirst() throws Exception {
        DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED);
        h.open(SURVIVAL);
        h.await("Java edition");
        h.press('n');
        h.awaitDialog("Notes of #1");
        return h;
    }

    @Test
    void ctrlAAndCtrlEJumpAndCtrlKAndCtrlUDelete() throws Exception {
        try (DeckHarness h = notesOfTheFirst()) {
            h.ctrl('a');
            h.type(">> ");
            assertTrue(h.awaitDialog(">> Java edition").contains("15/255"));
            h.ctrl('e');
            h.type(" <<");
            h.awaitDialog(">> Java edition <<");
            h.press(KeyType.Home);
            h.alt('f');
            h.ctrl('k');
            assertTrue(h.awaitDialog("7/255").contains(" >> Java 7/255"), "Home, Alt-F, Ctrl-K: up to the first word");
            h.ctrl('u');
            assertTrue(h.awaitDialog("0/255").contains("0/255"), "Ctrl-U at the end clears the field");
            assertFalse(h.dialog().contains(">>"), h.dialog());
        }
    }

    @Test
    void ctrlWAltBAndDeleteWorkOnWords() throws Exception {
        try (DeckHarness h = notesOfTheFirst()) {
            h.press(KeyType.End);
            h.type(" 1.21");
            h.ctrl('w');
            h.awaitDialog("Java edition 12/255");
            h.alt('b');
            h.press(KeyType.Delete);
            h.awaitDialog("Java dition");
            h.press(KeyType.Enter);
            h.await("Saved the notes of #1.");
            assertEquals("Java dition", h.allocation(SURVIVAL, 1).notes().strip(), "panels trim the notes");
        }
    }

    @Test
    void ctrlLettersNeverTypeTheirLetter() throws Exception {
        try (DeckHarness h = notesOfTheFirst()) {
            h.ctrl('z');
            String dialog = h.awaitDialog("Ctrl-Z does nothing here");
            assertTrue(dialog.contains("Java edition 12/255"), "no 'z' was typed: " + dialog);
        }
    }

    @Test
    void theCounterCountsCharactersAsThePanelDoes() throws Exception {
        try (DeckHarness h = notesOfTheFirst()) {
            h.ctrl('u');
            for (int i = 0; i < 4; i++) {
                h.type("\uD83C\uDFAE"); // an emoji arrives as two halves
            }
            assertTrue(h.awaitDialog("4/255").contains("\uD83C\uDFAE".repeat(4)), h.dialog());
            h.press(KeyType.Enter);
            h.await("Saved the notes of #1.");
            assertEquals("\uD83C\uDFAE".repeat(4), h.allocation(SURVIVAL, 1).notes());
        }
    }

    @Test
    void aStaleNotSavedLineGoesWhenTheTextChanges() throws Exception {
        try (DeckHarness h = notesOfTheFirst()) {
            h.press(KeyType.End);
            h.type("x".repeat(250));
            h.press(KeyType.Enter);
            h.awaitDialog("Not saved: ");
            h.press(KeyType.Backspace);
            String dialog = h.awaitDialog("261/255");
            assertFalse(dialog.contains("Not saved"), "the answer was about the old text: " + dialog);
        }
    }

    @Test
    void theFieldWithFocusStandsOutAndAnEmptyOneIsStillVisible() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30),
                DeckHarness.fast().withColor(false), s -> s.clientKey())) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('a');
            h.awaitDialog("Add an allocation");
            int row = h.rowOf("IP ");
            int col = h.line(row).indexOf("IP ") + 3;
            while (h.line(row).charAt(col) == ' ' && !h.terminal.getCharacter(col, row).getModifiers()
                    .contains(SGR.REVERSE)) {
                col++;
            }
            TextCharacter ip = h.terminal.getCharacter(col + 1, row);
            assertTrue(ip.getModifiers().contains(SGR.REVERSE), "the focused empty IP field is in reverse video");
            TextCharacter port = h.terminal.getCharacter(col + 1, row + 1);
            assertTrue(port.getModifiers().contains(SGR.UNDERLINE), "the waiting Port field is underlined");
            assertNotEquals(ip.getModifiers(), port.getModifiers());
            h.press(KeyType.Tab);
            h.step();
            assertTrue(h.terminal.getCharacter(col + 1, row + 1).getModifiers().contains(SGR.REVERSE),
                    "focus moved to Port");
        }
    }
}
