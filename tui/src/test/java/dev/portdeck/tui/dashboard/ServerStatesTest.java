package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.sim.Flavor;
import org.junit.jupiter.api.Test;

/** What keeps a server from changes, and a node whose daemon is away, as the servers view and the header say them. */
class ServerStatesTest {

    private static final String SURVIVAL = "Survival SMP";

    @Test
    void whatBlocksChangesShowsWhereTheStateIs() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.awaitScreen(s -> s.contains(SURVIVAL) && h.line(h.rowOf(SURVIVAL)).contains("running"), "running");
            h.sim.setTransferring(SURVIVAL, true);
            h.press('r');
            h.awaitScreen(s -> h.line(h.rowOf(SURVIVAL)).contains("transferring"), "a transfer");
            h.sim.setNodeUnderMaintenance("fra-1", true);
            h.press('r');
            h.awaitScreen(s -> h.line(h.rowOf(SURVIVAL)).contains("maintenance")
                    && h.line(h.rowOf("Web Panel")).contains("maintenance"), "the node's maintenance, before the transfer");
            h.press('/');
            h.type("Survival");
            h.press(com.googlecode.lanterna.input.KeyType.Enter);
            h.await("the panel refuses changes: node under maintenance");
        }
    }

    @Test
    void aNodeWhoseWingsDoNotAnswerIsNamedNotThePanel() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.PTERODACTYL)) {
            h.awaitScreen(s -> s.contains(SURVIVAL) && h.line(h.rowOf(SURVIVAL)).contains("running"), "running");
            h.sim.setWingsDown("fra-1", true);
            h.press('r');
            String screen = h.awaitScreen(s -> h.line(h.rowOf(SURVIVAL)).contains("wings down"), "Wings down");
            assertTrue(h.line(h.rowOf("FiveM Roleplay")).contains("running"), "the other node is fine:\n" + screen);
            assertFalse(screen.contains("Trying the panel again"), "the panel itself answers:\n" + screen);
            h.open(SURVIVAL);
            h.awaitScreen(s -> h.line(0).contains("power — (the node's Wings does not answer the panel)"), "the header");
            h.sim.setWingsDown("fra-1", false);
            h.press('r');
            h.awaitScreen(s -> h.line(0).contains("· running "), "the power state back once Wings answers");
            h.press(com.googlecode.lanterna.input.KeyType.Escape, com.googlecode.lanterna.input.KeyType.Escape);
            h.press('/');
            h.type("Survival");
            h.press(com.googlecode.lanterna.input.KeyType.Enter);
            String line = h.awaitGone("wings down");
            assertFalse(line.contains("cannot reach the node"), line);
        }
    }
}
