package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.sim.Flavor;
import org.junit.jupiter.api.Test;

/** No key fails silently; the footer keeps ? and q; the help says where each key works. */
class SilentKeysTest {

    @Test
    void allocationKeysOnTheServersViewSayToOpenAServerFirst() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            for (char key : new char[] {'a', 'n', 'p', 'D'}) {
                h.press(key);
                h.await("works in the allocations and details views: open a server first (Enter).");
                assertEquals("", h.dialog(), "no dialog for " + key);
            }
            h.press('x');
            h.await("'x' does nothing here; ? lists the keys.");
        }
    }

    @Test
    void helpAndQuitStayInTheFooterAt60x12() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(60, 12), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await(h.sim.servers().size() + " servers"); // 60x12 shows the first seven, names cut
            assertTrue(h.line(11).contains("? help") && h.line(11).contains("q quit"), h.line(11));
            h.open("Survival SMP");
            h.awaitScreen(s -> h.line(11).contains("? help") && h.line(11).contains("q quit"), "the footer");
            h.press('i');
            // the pane's first line: what follows Address depends on how much the service said (it may push Latency off)
            h.awaitScreen(s -> h.line(1).startsWith("Address") && h.line(11).contains("q quit"), "the details' footer");
        }
    }

    @Test
    void theHelpGroupsKeysByTheViewsTheyWorkInAndPagesWhenSmall() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(60, 12), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await(h.sim.servers().size() + " servers");
            h.press('?');
            StringBuilder all = new StringBuilder(h.await("portdeck keys (1/"));
            String pages = h.line(0).replaceAll(".*\\(1/(\\d+)\\).*", "$1");
            for (int p = 2; p <= Integer.parseInt(pages.strip()); p++) {
                h.press(' ');
                all.append(h.await("portdeck keys (" + p + "/"));
            }
            for (String heading : new String[] {"In every view", "In servers, allocations", "In servers",
                "In allocations, details"}) {
                assertTrue(all.toString().contains(heading), heading + "\n" + all);
            }
            assertTrue(all.toString().contains("add an allocation"), all.toString());
            h.press('x');
            h.await(h.sim.servers().size() + " servers");
        }
    }
}
