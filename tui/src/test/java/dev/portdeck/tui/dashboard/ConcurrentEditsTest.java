package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.tui.dashboard.state.Changes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No lost or doubtful edit: two dashboards on one panel, answers that come late or not at all, quitting mid-save. */
class ConcurrentEditsTest {

    private static final String SURVIVAL = "Survival SMP";
    private static final TerminalSize SIZE = new TerminalSize(120, 30);

    private static DeckHarness through(DeckHarness base, PanelProxy proxy, Duration readTimeout) throws Exception {
        PanelConfig config = new PanelConfig(proxy.url(), base.sim.clientKey(), Duration.ofSeconds(2), readTimeout,
                false);
        return DeckHarness.beside(base.sim, new PanelClient(config), SIZE, DeckHarness.fast());
    }

    private static void editFirstNote(DeckHarness h) {
        h.open(SURVIVAL);
        h.await("Java edition");
        h.press('n');
        h.awaitDialog("Notes of #1");
    }

    @Test
    void twoDashboardsDoNotOverwriteEachOthersNotes() throws Exception {
        try (DeckHarness ann = DeckHarness.start(Flavor.DOCUMENTED);
                DeckHarness bob = DeckHarness.beside(ann.sim, new PanelClient(PanelConfig.of(ann.sim.url(),
                        ann.sim.clientKey())), SIZE, DeckHarness.fast())) {
            editFirstNote(ann);
            editFirstNote(bob);
            bob.type(" (Bob)");
            bob.press(KeyType.Enter);
            bob.await("Saved the notes of #1.");
            ann.type(" (Ann)");
            ann.press(KeyType.Enter);
            String conflict = ann.awaitDialog("Changed on the panel meanwhile");
            assertTrue(conflict.contains("The panel has now: \"Java edition (Bob)\""), conflict);
            assertTrue(conflict.contains("Yours: \"Java edition (Ann)\""), conflict);
            assertEquals("Java edition (Bob)", ann.allocation(SURVIVAL, 1).notes(), "nothing was sent yet");
            ann.press('e'); // back to editing: Ann sees Bob's text and decides
            assertTrue(ann.awaitDialog("The panel now has: \"Java edition (Bob)\"").contains("(Ann)"));
            ann.press(KeyType.Enter);
            ann.await("Saved the notes of #1.");
            assertEquals("Java edition (Ann)", ann.allocation(SURVIVAL, 1).notes(), "Ann chose to replace it");
        }
    }

    @Test
    void keepingThePanelsTextSendsNothing() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            editFirstNote(h);
            h.client.setNotes(h.sim.serverId(SURVIVAL), 1, "changed in the web panel");
            h.type(" mine");
            h.press(KeyType.Enter);
            h.awaitDialog("Changed on the panel meanwhile");
            h.press('k');
            h.await("Kept the panel's notes of #1; yours were not saved.");
            assertEquals("changed in the web panel", h.allocation(SURVIVAL, 1).notes());
        }
    }

    @Test
    void theEditorStartsFromWhatThePanelHasNowNotFromTheTable() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.client.setNotes(h.sim.serverId(SURVIVAL), 1, "edited elsewhere a moment ago");
            h.press('n');
            assertTrue(h.awaitDialog("Notes of #1").contains("edited elsewhere a moment ago"), h.dialog());
        }
    }

    @Test
    void aSaveWhoseAnswerTimedOutButWasAppliedSaysSo() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim).answerLate("POST", "/allocations/1$",
                        Duration.ofSeconds(4));
                DeckHarness h = through(base, proxy, Duration.ofSeconds(2))) {
            editFirstNote(h);
            h.type(" (late)");
            h.press(KeyType.Enter);
            String saved = h.await("Saved the notes of #1 (the panel's answer was lost");
            assertTrue(saved.replaceAll("\\s+", " ").contains("reading it back shows the change was applied"), saved);
            assertEquals("Java edition (late)", base.allocation(SURVIVAL, 1).notes());
        }
    }

    @Test
    void aProxyErrorOnASaveIsReadBackAndSaysItWasNotApplied() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim).fail("POST", "/allocations/1$", 502);
                DeckHarness h = through(base, proxy, Duration.ofSeconds(5))) {
            editFirstNote(h);
            h.type(" (502)");
            h.press(KeyType.Enter);
            String dialog = h.awaitDialog("Not saved: Not applied:");
            assertTrue(dialog.contains("Reading it back shows the panel does not have the change; try again"), dialog);
            assertTrue(dialog.contains("Java edition (502)"), "the text stays for another try: " + dialog);
            proxy.clear();
            h.press(KeyType.Enter);
            h.await("Saved the notes of #1.");
        }
    }

    @Test
    void quittingWhileASaveWaitsSaysItMayOrMayNotBeApplied() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim).delay("POST", "/allocations/1$",
                        Duration.ofSeconds(20));
                DeckHarness h = through(base, proxy, Duration.ofSeconds(30))) {
            editFirstNote(h);
            h.type(" (slow)");
            h.press(KeyType.Enter);
            h.awaitDialog("saving...");
            h.ctrl('c');
            assertTrue(h.dashboard.quitRequested());
            List<Changes.Pending> doubtful = h.dashboard.finishChanges(Duration.ofMillis(500));
            assertEquals(1, doubtful.size());
            StringWriter err = new StringWriter();
            TerminalDashboard.tellDoubts(doubtful, new PrintWriter(err));
            assertEquals("portdeck: quit while the panel had not answered about the notes of #1 on Survival SMP ("
                    + base.sim.serverId(SURVIVAL) + "); it may or may not have been applied. Check with: portdeck "
                    + "alloc list " + base.sim.serverId(SURVIVAL), err.toString().strip());
        }
    }

    @Test
    void aSecondChangeWhileOneWaitsIsRefusedVisibly() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.PTERODACTYL);
                PanelProxy proxy = PanelProxy.before(base.sim).delay("POST", "/primary$", Duration.ofSeconds(3));
                DeckHarness h = through(base, proxy, Duration.ofSeconds(10))) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.press('j', 'j', 'p');
            h.await("Making #3 the primary...");
            h.press('k', 'p');
            h.await("Still waiting for the panel's answer to the last change on Survival SMP");
            h.await("is now the primary");
        }
    }
}
