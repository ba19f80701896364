package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.table.NaturalOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** htop's way of sorting: < and > choose the column, I inverts; names in natural order; headers never cut. */
class SortingTest {

    private static SimulatorOptions numbered() {
        DemoWorld world = DemoWorld.builder().node("n-1", "127.0.0.2", null, List.of())
                .server("Server 10", "n-1", 2, 31010).server("Server 2", "n-1", 2, 31002)
                .server("server 1", "n-1", 2, 31001).server("Server 9", "n-1", 2, 31009).build();
        return SimulatorOptions.defaults().withWorld(world).withDemoListeners(false);
    }

    @Test
    void serverNamesSortAsPeopleCount() throws Exception {
        try (DeckHarness h = DeckHarness.start(numbered(), new TerminalSize(100, 20), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await("Server 10");
            List<Integer> rows = new ArrayList<>();
            for (String name : new String[] {"server 1 ", "Server 2 ", "Server 9 ", "Server 10 "}) {
                rows.add(h.rowOf(name));
            }
            assertEquals(List.of(2, 3, 4, 5), rows, "1, 2, 9, 10 — not 1, 10, 2, 9:\n" + h.text());
            h.press('I');
            h.await("NAME" + "▼");
            assertTrue(h.rowOf("Server 10 ") < h.rowOf("Server 9 "), "inverted:\n" + h.text());
        }
        assertTrue(NaturalOrder.INSTANCE.compare("mc-007", "mc-10") < 0);
        assertTrue(NaturalOrder.INSTANCE.compare("Alpha", "alpha") != 0, "a total order: case still breaks ties");
    }

    @Test
    void angleBracketsMoveTheSortColumnAndReachEveryColumnRxAndTxToo() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await("Web Panel");
            h.await("sorted by name▲");
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                h.press('>');
                String status = h.line(28);
                seen.add(status.substring(status.indexOf("sorted by ") + 10, status.indexOf(" (<")));
            }
            assertEquals(List.of("id▲", "node▲", "state▲", "uptime▲", "rx/s▲", "tx/s▲", "allocs▲", "up▲", "name▲"),
                    seen);
            h.press('<');
            h.await("sorted by up▲");
            h.press('I');
            assertTrue(h.await("sorted by up▼").contains("UP▼"), "the header says it too");
        }
    }

    @Test
    void theSortArrowNeverCutsAHeaderAt80Columns() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(80, 24), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await("Web Panel");
            for (int i = 0; i < 9; i++) {
                h.press('>');
                assertTrue(h.line(1).matches(".*[A-Z/s]+[▲▼].*") && !h.line(1).contains("…"), h.line(1));
            }
            h.open("Survival SMP");
            for (int i = 0; i < 13; i++) {
                h.press('>');
                assertTrue(!h.line(1).contains("…"), "no title cut: " + h.line(1));
            }
        }
    }
}
