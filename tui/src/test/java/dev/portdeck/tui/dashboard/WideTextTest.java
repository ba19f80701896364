package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Emoji and CJK are drawn as they are; zero-width, bidi and combining characters cannot shift a row: every ID sits in
 * its column, whatever the name before it holds.
 */
class WideTextTest {

    private static final List<String> NAMES = List.of("\uD83C\uDFAE Arcade ☕", "漢字サーバー", "Zero\u200Bwidth\u202Eevil",
            "Cafe\u0301 e\u0301", "Flag \uD83C\uDDE9\uD83C\uDDEA team", "Fam \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");

    private static SimulatorOptions world() {
        DemoWorld.Builder b = DemoWorld.builder().node("n-1", "127.0.0.2", null, List.of());
        for (int i = 0; i < NAMES.size(); i++) {
            b.server(NAMES.get(i), "n-1", 2, 32000 + i);
        }
        return SimulatorOptions.defaults().withWorld(b.build()).withDemoListeners(false);
    }

    /** The text in cells [x, x + length) of `row`, one cell per character (ids are ASCII). */
    private static String cells(DeckHarness h, int row, int x, int length) {
        StringBuilder s = new StringBuilder();
        for (int c = x; c < x + length; c++) {
            s.append(h.terminal.getCharacter(c, row).getCharacterString());
        }
        return s.toString();
    }

    @Test
    void everyIdStaysInItsColumnWhateverTheNameHolds() throws Exception {
        try (DeckHarness h = DeckHarness.start(world(), new TerminalSize(100, 20), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.await("Arcade");
            int x = h.line(1).indexOf(" ID ") + 1;
            int found = 0;
            for (int row = 2; row < 2 + NAMES.size(); row++) {
                String line = h.line(row);
                Server s = h.sim.servers().stream().filter(v -> line.contains(v.identifier())).findFirst()
                        .orElseThrow(() -> new AssertionError("no id on row " + line));
                assertEquals(s.identifier(), cells(h, row, x, 8), "row " + row + " is not shifted:\n" + h.text());
                found++;
            }
            assertEquals(NAMES.size(), found);
            String screen = h.text();
            assertTrue(screen.contains("\uD83C\uDFAE"), "the emoji itself, not ??:\n" + screen);
            assertTrue(screen.contains("漢漢字字ササーーババーー"), "each wide glyph fills two cells:\n" + screen);
            assertTrue(screen.contains("Zerowidthevil"), "no zero-width or bidi control reaches the terminal");
            assertTrue(screen.contains("Café é"), "accents compose");
            assertTrue(screen.contains("Flag DE team"), screen);
        }
    }
}
