package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.Flavor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AllocationActionsTest {

    private static final String SURVIVAL = "Survival SMP";

    private static Allocation allocation(DeckHarness h, long id) {
        return h.allocation(SURVIVAL, id);
    }

    /** What the panel says to `call` in the current state (asked directly, to compare with the screen). */
    private static String panelSays(Function<PanelClient, Object> call, DeckHarness h) {
        return assertThrows(RuntimeException.class, () -> call.apply(h.client)).getMessage();
    }

    // ---- add ----

    @Test
    void addingWithBothFieldsEmptyLetsThePanelPick() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            h.press('a');
            assertTrue(h.awaitDialog("Add an allocation to Survival SMP").contains("In use: 3 of 5"));
            h.press(KeyType.Enter);
            String screen = h.await("4/5 allocations");
            assertTrue(screen.contains("Added #"), screen);
            assertEquals(4, h.sim.server(SURVIVAL).allocations().size());
            assertEquals("", h.dialog(), "the dialog closed");
        }
    }

    @Test
    void askingForASpecificFreePortOnTheDocumentedPanelGetsExactlyIt() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            Allocation free = h.sim.freeAllocations("fra-1").get(2);
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.type(free.ip());
            h.press(KeyType.Tab);
            h.type(Integer.toString(free.port()));
            h.press(KeyType.Enter);
            assertTrue(h.await("Added #" + free.id() + " " + free.address() + ".").contains("4/5 allocations"));
            assertEquals(free.address(), allocation(h, free.id()).address());
        }
    }

    @Test
    void aPanelThatOnlyAutoAssignsIsCalledOutWhenItAssignsSomethingElse() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.type("127.0.0.2");
            h.press(KeyType.Tab);
            h.type("25599");
            h.press(KeyType.Enter);
            String notice = h.awaitDialog("this panel only auto-assigns");
            assertTrue(notice.contains("Asked for 127.0.0.2:25599, the panel assigned 127.0.0.2:"), notice);
            assertEquals(4, h.sim.server(SURVIVAL).allocations().size());
            h.press(KeyType.Enter);
            assertEquals("", h.dialog());
            h.await("(not what was asked for)");
        }
    }

    @Test
    void aBadPortIsRefusedBeforeAskingThePanel() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            long before = h.sim.requestCount();
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.press(KeyType.Tab);
            h.type("70000");
            h.press(KeyType.Enter);
            h.awaitDialog("The port must be a number from 1 to 65535.");
            assertTrue(h.sim.requestCount() - before < 3, "no assign request was sent");
            assertEquals(3, h.sim.server(SURVIVAL).allocations().size());
        }
    }

    @Test
    void aFullServerKeepsTheAddDialogOpenWithThePanelsReason() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.sim.setAllocationLimit(SURVIVAL, 3);
            h.open(SURVIVAL);
            h.await("3/3 allocations");
            String expected = panelSays(c -> c.assign(h.sim.serverId(SURVIVAL), AssignRequest.auto()), h);
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.press(KeyType.Enter);
            String dialog = h.awaitDialog("Not added: " + expected);
            assertTrue(dialog.contains("limit has been reached"), dialog);
            assertEquals(3, h.sim.server(SURVIVAL).allocations().size());
        }
    }

    @Test
    void autoAllocationSwitchedOffIsExplainedInThePanelsWords() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.sim.setAutoAllocationEnabled(false);
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.press(KeyType.Enter);
            h.awaitDialog("Not added: Server auto-allocation is not enabled for this instance: this panel does not let"
                    + " its users add allocations: ask its admin to switch on automatic allocation creation");
        }
    }

    @Test
    void onASmallTerminalTheLongAdviceScrollsInsteadOfBeingCut() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL, new TerminalSize(60, 12), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.sim.setAutoAllocationEnabled(false);
            h.open(SURVIVAL);
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.press(KeyType.Enter);
            String top = h.await("Not added: Server auto-allocation is not enabled for");
            assertFalse(top.contains("from the admin area."), "it does not fit at once:\n" + top);
            h.press(KeyType.Tab, KeyType.Tab); // past IP and port, to the text
            for (int i = 0; i < 8; i++) {
                h.press(KeyType.ArrowDown);
            }
            String end = h.await("the port to the server from the admin area.");
            assertTrue(end.contains("< Add  > <Cancel>"), "the buttons stay on screen:\n" + end);
        }
    }

    @Test
    void aTakenPortIsRefusedInThePanelsWords() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            Allocation taken = h.allocation("Web Panel", 9);
            String expected = panelSays(c -> c.assign(h.sim.serverId(SURVIVAL),
                    new AssignRequest(taken.ip(), taken.port())), h);
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.type(taken.ip());
            h.press(KeyType.Tab);
            h.type(Integer.toString(taken.port()));
            h.press(KeyType.Enter);
            h.awaitDialog("Not added: " + expected);
        }
    }

    // ---- notes ----

    @Test
    void editingNotesShowsALiveCounterAndSavesOnEnter() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            assertTrue(h.awaitDialog("Notes of #1 " + h.address(SURVIVAL, 1)).contains("12/255"));
            h.press(KeyType.End);
            h.type(" 1.21");
            assertTrue(h.awaitDialog("17/255").contains("Java edition 1.21"));
            h.press(KeyType.Enter);
            h.await("Saved the notes of #1.");
            h.await("Java edition 1.21");
            assertEquals("Java edition 1.21", allocation(h, 1).notes());
            assertEquals("", h.dialog());
        }
    }

    @Test
    void aNoteTooLongIsNotSavedAndTheTextStays() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            h.awaitDialog("Notes of #1");
            String extra = "x".repeat(250);
            h.press(KeyType.End);
            h.type(extra);
            assertTrue(h.awaitDialog("262/255 (7 too many)").contains("Java edition" + extra));
            h.press(KeyType.Enter);
            String dialog = h.awaitDialog("Not saved: ");
            assertTrue(dialog.contains("Java edition" + extra), "the user's text is still there: " + dialog);
            assertEquals("Java edition", allocation(h, 1).notes());
        }
    }

    @Test
    void aFailedNoteSaveKeepsTheDialogOpenWithTheTextAndThePanelsReason() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('n');
            h.awaitDialog("Notes of #1");
            h.press(KeyType.End);
            h.type(" (whitelist on)");
            h.sim.setSuspended(SURVIVAL, true);
            String expected = panelSays(c -> c.setNotes(h.sim.serverId(SURVIVAL), 1, "x"), h);
            h.press(KeyType.Enter);
            String dialog = h.awaitDialog("Not saved: " + expected);
            assertTrue(dialog.contains("Java edition (whitelist on)"), dialog);
            h.sim.setSuspended(SURVIVAL, false);
            h.press(KeyType.Enter); // try again: now it saves
            h.await("Saved the notes of #1.");
            assertEquals("Java edition (whitelist on)", allocation(h, 1).notes());
        }
    }

    // ---- primary ----

    @Test
    void makingAnotherAllocationPrimaryOnARunningServerOffersToStopItAndRetries() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.press('j', 'j');
            h.await("#3 " + h.address(SURVIVAL, 3));
            h.press('p');
            String offer = h.awaitDialog("Stop Survival SMP? [y/N]");
            assertTrue(offer.contains("Server must be stopped to change the primary allocation."), offer);
            h.press('y');
            h.await("#3 " + h.address(SURVIVAL, 3) + " is now the primary");
            assertTrue(allocation(h, 3).primary());
            assertEquals(PowerState.OFFLINE, h.sim.powerState(SURVIVAL));
            assertTrue(h.awaitDialog("Start Survival SMP again? [y/N]").contains("is still stopped"));
            h.press('y');
            h.await("Starting Survival SMP.");
            assertEquals(PowerState.RUNNING, h.sim.powerState(SURVIVAL));
        }
    }

    @Test
    void decliningToStopLeavesThePrimaryAlone() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.press('j', 'j');
            h.press('p');
            h.awaitDialog("Stop Survival SMP? [y/N]");
            h.press(KeyType.Enter); // the default is No
            assertEquals("", h.dialog());
            assertTrue(allocation(h, 1).primary());
            assertEquals(PowerState.RUNNING, h.sim.powerState(SURVIVAL));
        }
    }

    @Test
    void withoutTheStopPermissionTheRefusalIsExplained() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), DeckHarness.fast(),
                s -> s.addKey("allocation.read", "allocation.update"))) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.press('j', 'j');
            h.press('p');
            String notice = h.awaitDialog("The server must be stopped");
            assertTrue(notice.contains("lacks the control.stop permission"), notice);
            assertEquals(PowerState.RUNNING, h.sim.powerState(SURVIVAL));
        }
    }

    @Test
    void onPterodactylThePrimaryChangesWithoutStopping() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.press('j', 'j');
            h.press('p');
            h.await("is now the primary");
            assertTrue(allocation(h, 3).primary());
            h.press('p');
            h.await("is already the primary allocation");
        }
    }

    // ---- remove ----

    @Test
    void removeAsksFirstAndTheDefaultIsNo() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.open(SURVIVAL);
            h.await("RCON");
            h.press('j');
            h.press('D');
            String question = h.awaitDialog("[y/N]");
            assertTrue(question.contains("Remove #2 " + h.address(SURVIVAL, 2) + " from Survival SMP?"), question);
            h.press(KeyType.Enter);
            assertEquals("", h.dialog());
            assertTrue(allocation(h, 2) != null, "still there");
            h.press(KeyType.Delete);
            h.awaitDialog("[y/N]");
            h.press('n');
            assertEquals("", h.dialog());
            assertTrue(allocation(h, 2) != null, "still there");
        }
    }

    @Test
    void removeConfirmedWithYRemovesTheRow() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.open(SURVIVAL);
            h.await("RCON");
            h.press('j');
            String rcon = h.address(SURVIVAL, 2);
            h.press('D');
            h.awaitDialog("[y/N]");
            h.press('y');
            h.await("Removed #2 " + rcon + ".");
            h.awaitGone("RCON");
            assertEquals(null, allocation(h, 2));
        }
    }

    @Test
    void removingOnARunningDocumentedServerStopsItAfterAskingAndRetries() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("RCON");
            h.press('j');
            h.press('D');
            h.awaitDialog("Remove " + h.address(SURVIVAL, 2));
            h.press('y');
            assertTrue(h.awaitDialog("Stop Survival SMP?").contains("Server must be stopped to remove allocations."));
            h.press('y');
            h.await("Removed #2");
            assertEquals(null, allocation(h, 2));
            h.awaitDialog("Start Survival SMP again? [y/N]");
            h.press(KeyType.Enter); // no: it stays stopped
            assertEquals("", h.dialog());
            assertEquals(PowerState.OFFLINE, h.sim.powerState(SURVIVAL));
        }
    }

    @Test
    void removingThePrimaryIsExplainedBeforeAndAfterThePanelRefuses() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            String expected = panelSays(c -> {
                c.remove(h.sim.serverId(SURVIVAL), 1);
                return null;
            }, h);
            h.press('D');
            String question = h.awaitDialog("[y/N]");
            assertTrue(question.contains("is the primary allocation of Survival SMP: players connect to it"), question);
            h.press('y');
            String notice = h.awaitDialog("The panel kept the primary");
            assertTrue(notice.contains("The panel said: " + expected), notice);
            assertTrue(notice.contains("select it and press p"), notice);
            assertTrue(allocation(h, 1).primary());
        }
    }

    @Test
    void withNoAllocationLimitThePanelsRefusalToRemoveIsShown() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL, new TerminalSize(200, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.sim.setAllocationLimit(SURVIVAL, 0);
            h.open(SURVIVAL);
            h.await("RCON");
            h.press('j', 'D');
            h.awaitDialog("[y/N]");
            h.press('y');
            h.await("You cannot delete allocations for this server: no allocation limit is set.");
        }
    }

    @Test
    void aSuspendedServerRefusesChangesInThePanelsWords() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL, new TerminalSize(200, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.open(SURVIVAL);
            h.await("Dynmap");
            h.sim.setSuspended(SURVIVAL, true);
            String expected = panelSays(c -> c.setPrimary(h.sim.serverId(SURVIVAL), 3), h);
            h.press('j', 'j', 'p');
            h.await(expected);
        }
    }

    // ---- permissions and read-only ----

    @Test
    void readOnlyModeRefusesEveryChangeAndSaysWhy() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30),
                DeckHarness.fast().withReadOnly(true), s -> s.clientKey())) {
            h.open(SURVIVAL);
            h.await("Java edition");
            for (char key : new char[] {'a', 'n', 'p', 'D'}) {
                h.press(key);
                h.await("is unavailable: read-only mode (--readonly).");
                assertEquals("", h.dialog(), "no dialog for " + key);
            }
        }
    }

    @Test
    void aMissingPermissionIsNamedInsteadOfTryingAndFailing() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL, new TerminalSize(120, 30), DeckHarness.fast(),
                s -> s.subuserKey())) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('D');
            h.await("Remove (asks first) is unavailable: the key lacks the allocation.delete permission.");
            assertEquals("", h.dialog());
            h.press('?');
            assertTrue(h.await("portdeck keys")
                    .contains("remove (asks first) (needs allocation.delete)"));
        }
    }

    @Test
    void aReadOnlyKeyCanLookButEveryChangeNamesItsPermission() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), DeckHarness.fast(),
                s -> s.readOnlyKey())) {
            h.open(SURVIVAL);
            h.await("● open");
            h.press('a');
            h.await("the key lacks the allocation.create permission");
            h.press('n');
            h.await("the key lacks the allocation.update permission");
            assertFalse(h.text().contains("Add an allocation"));
        }
    }

    // ---- Pelican ----

    @Test
    void onPelicanThePrimaryCanBeRemovedAfterTheWarning() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PELICAN)) {
            h.open(SURVIVAL);
            h.await("Java edition");
            h.press('D');
            assertTrue(h.awaitDialog("[y/N]").contains("players connect to it"));
            h.press('y');
            h.await("Removed #1");
            h.await("Survival SMP has no primary allocation until you set one (p).");
            h.awaitGone("Java edition");
            assertEquals(null, allocation(h, 1));
            assertFalse(h.text().contains("★"), "no primary is left to mark:\n" + h.text());
            assertTrue(h.line(0).contains("· no primary · 2/5 allocations"), "the header says so until one is set");
        }
    }

    @Test
    void pelicansCreationThrottleIsShownInTheAddDialog() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PELICAN)) {
            h.open(SURVIVAL);
            h.await("3/5 allocations");
            for (int i = 0; i < 2; i++) {
                h.press('a');
                h.awaitDialog("Add an allocation");
                h.press(KeyType.Enter);
                h.await((4 + i) + "/5 allocations");
            }
            h.sim.setAllocationLimit(SURVIVAL, 9);
            h.press('r');
            h.await("5/9 allocations");
            h.press('a');
            h.awaitDialog("Add an allocation");
            h.press(KeyType.Enter);
            String dialog = h.awaitDialog("Not added: ");
            assertTrue(dialog.contains("HTTP 429"), dialog);
            assertEquals(5, h.sim.server(SURVIVAL).allocations().size(), dialog);
        }
    }
}
