package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A panel's error is read in full at any size, a lost panel comes back by itself, and one server's trouble is its own. */
class PanelErrorsTest {

    private static final ApiKey WRONG = ApiKey.of("ptlc_" + "x".repeat(43));

    private static String words(String screen) {
        return screen.replaceAll("\\s+", " ");
    }

    private static void aRejectedKeyReadsInFullAt(int columns, int rows) throws Exception {
        try (DeckHarness h = DeckHarness.start(SimulatorOptions.defaults(), new TerminalSize(columns, rows),
                DeckHarness.fast(), s -> WRONG)) {
            String expected;
            try (PanelClient c = new PanelClient(PanelConfig.of(h.sim.url(), WRONG))) {
                expected = assertThrows(Unauthorized.class, c::listServers).getMessage();
            }
            assertTrue(expected.length() > columns, "a sentence longer than a line: " + expected);
            h.awaitScreen(s -> words(s).contains(expected), "the whole sentence at " + columns + "x" + rows);
            h.await("The panel said no · r: now"); // a rejected key is not tried again and again
            assertFalse(h.text().contains("x".repeat(43)), "the key never shows");
        }
    }

    @Test
    void aPanelErrorIsWrappedNotCutAt80x24() throws Exception {
        aRejectedKeyReadsInFullAt(80, 24);
    }

    @Test
    void aPanelErrorIsWrappedNotCutAt60x12() throws Exception {
        aRejectedKeyReadsInFullAt(60, 12);
    }

    @Test
    void aLostPanelIsTriedAgainByItselfWithACountdown() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim);
                DeckHarness h = DeckHarness.beside(base.sim, new PanelClient(PanelConfig.of(proxy.url(),
                        base.sim.clientKey())), new TerminalSize(100, 30), DeckHarness.fast())) {
            h.await("Web Panel");
            proxy.fail("GET", "^/api/client(\\?|$)", 502);
            String expected;
            try (PanelClient c = new PanelClient(PanelConfig.of(proxy.url(), base.sim.clientKey()))) {
                expected = assertThrows(PanelException.class, c::listServers).getMessage();
            }
            h.press('r');
            String lost = h.await(expected.substring(0, 40));
            assertTrue(h.await("Trying the panel again in").contains("r: now"), lost);
            proxy.clear(); // the panel is back; no key is pressed
            h.awaitGone(expected.substring(0, 40));
            h.await("Web Panel");
        }
    }

    @Test
    void rSaysWhatCameOfIt() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            h.press('r');
            h.await("Reloaded " + h.sim.servers().size() + " servers from the panel.");
            h.open("Survival SMP");
            h.press('r');
            h.await("Reloaded Survival SMP: 3 allocations.");
        }
    }

    @Test
    void aHangingServerDoesNotHoldUpTheOthersAndThenSaysWhy() throws Exception {
        try (DeckHarness base = DeckHarness.start(Flavor.DOCUMENTED);
                PanelProxy proxy = PanelProxy.before(base.sim).withoutAllocations()) {
            String hung = base.sim.serverId("Survival SMP");
            proxy.hang("GET", "/servers/" + hung + "/network/allocations");
            PanelConfig config = new PanelConfig(proxy.url(), base.sim.clientKey(), Duration.ofSeconds(2),
                    Duration.ofSeconds(3), false);
            try (DeckHarness h = DeckHarness.beside(base.sim, new PanelClient(config), new TerminalSize(120, 30),
                    DeckHarness.fast())) {
                h.awaitScreen(s -> s.contains("Web Panel") && h.line(h.rowOf("Web Panel")).contains("1/1")
                        && h.line(h.rowOf("FiveM Roleplay")).contains("2/3"), "the other servers, at once");
                assertTrue(h.line(h.rowOf("Survival SMP")).contains("…/5"), "Survival SMP is still being asked:\n"
                        + h.text());
                assertFalse(h.text().contains("loading servers"), h.text());
                h.awaitScreen(s -> h.line(h.rowOf("Survival SMP")).contains("?/5"), "the hung server's failure");
                h.open("Survival SMP");
                String screen = h.await("The allocations could not be read:");
                assertTrue(words(screen).contains("did not answer within 3"), screen);
                assertFalse(screen.contains("no allocations"), "why, not \"no allocations\":\n" + screen);
            }
        }
    }
}
