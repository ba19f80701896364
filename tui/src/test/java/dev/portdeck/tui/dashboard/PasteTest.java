package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.sim.Flavor;
import org.junit.jupiter.api.Test;

/** A paste goes into the field with focus as one insertion, and is never run as dashboard keys. */
class PasteTest {

    private static final String SURVIVAL = "Survival SMP";

    @Test
    void aPasteWithCommandLettersIsOneInsertion() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            h.awaitDialog("Notes of #1");
            h.ctrl('u');
            h.paste("whitelist on; q D r\n");
            assertTrue(h.awaitDialog("19/255").contains("whitelist on; q D r"), h.dialog());
            assertFalse(h.dashboard.quitRequested(), "the q in the paste did not quit");
            h.press(KeyType.Enter);
            h.await("Saved the notes of #1.");
            assertEquals("whitelist on; q D r", h.allocation(SURVIVAL, 1).notes());
            assertEquals(3, h.sim.server(SURVIVAL).allocations().size(), "the D in the paste removed nothing");
        }
    }

    @Test
    void aPasteWithLineBreaksIsRefusedVisiblyAndChangesNothing() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            h.awaitDialog("Notes of #1");
            h.paste("A\nB");
            String dialog = h.awaitDialog("Not pasted: the text has line breaks");
            assertTrue(dialog.contains("Java edition 12/255"), dialog);
            assertEquals("Java edition", h.allocation(SURVIVAL, 1).notes(), "nothing was saved");
        }
    }

    @Test
    void aPasteOnTheTableIsNotACommand() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.paste("Dy");
            h.await("A paste is not a command");
            assertEquals("", h.dialog(), "no remove dialog opened");
            assertEquals(3, h.sim.server(SURVIVAL).allocations().size());
        }
    }

    @Test
    void aPasteIntoTheFilterFilters() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Creative Build");
            h.press('/');
            h.paste("fivem\n");
            String screen = h.awaitGone("Creative Build");
            assertTrue(screen.contains("FiveM Roleplay"), screen);
        }
    }

    @Test
    void keysTypedWhileSavingAreRefusedVisiblyAndTheSavedTextIsWhatWasShown() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim)
                        .delay("POST", "/allocations/1$", java.time.Duration.ofSeconds(2));
                DeckHarness h = DeckHarness.beside(base.sim, new dev.portdeck.shared.client.PanelClient(
                        dev.portdeck.shared.client.PanelConfig.of(proxy.url(), base.sim.clientKey())),
                        new com.googlecode.lanterna.TerminalSize(120, 30), DeckHarness.fast())) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            h.awaitDialog("Notes of #1");
            h.type(" 1.21");
            h.press(KeyType.Enter);
            h.awaitDialog("saving...");
            h.type("XYZ");
            String dialog = h.awaitDialog("Saving: the text is locked until the panel answers");
            assertTrue(dialog.contains("Java edition 1.21 "), dialog);
            assertFalse(dialog.contains("XYZ"), "the keys did not change the text being saved: " + dialog);
            h.await("Saved the notes of #1.");
            assertEquals("Java edition 1.21", h.allocation(SURVIVAL, 1).notes());
        }
    }
}
