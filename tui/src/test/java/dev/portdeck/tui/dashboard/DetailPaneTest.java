package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.sim.Flavor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Enter or i on an allocation: every figure, the window it covers, and a latency chart over the kept history. */
class DetailPaneTest {

    private static final String SURVIVAL = "Survival SMP";

    private static int chartColumns(DeckHarness h, int row) {
        return (int) h.line(row).chars().filter(c -> "▁▂▃▄▅▆▇█".indexOf(c) >= 0).count();
    }

    @Test
    void at80x24TheDetailsShowEveryFigureAndAChart() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(80, 24), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.open(SURVIVAL);
            h.await("● open");
            h.idle(Duration.ofMillis(1500)); // a few rounds of probes
            h.press('i');
            String game = h.address(SURVIVAL, 1);
            String screen = h.await("portdeck › Survival SMP › #1 " + game);
            for (String part : new String[] {"Address", "primary", "alias fra1.portdeck.test", "Notes", "Java edition",
                "Check", "minecraft: egg Paper → Minecraft Java status · C changes it", "State", "● open", "Latency", "last ", "min ", "avg ", "max ", "p50 ",
                "p95 ", "jitter ", "Window", "all figures cover the last ", "Up since", "longest downtime",
                "Latency, whole history: ", " ms", "now"}) {
                assertTrue(screen.contains(part), part + " in\n" + screen);
            }
            int bottom = h.rowOf("now") - 1;
            assertTrue(chartColumns(h, bottom) >= 3, "bars on the chart's bottom row:\n" + screen);
            h.press('j');
            String rcon = h.await("#2 " + h.address(SURVIVAL, 2));
            assertTrue(rcon.contains("✕ closed: refused (nothing listens)"), rcon);
            assertTrue(rcon.contains("Down since") && rcon.contains("×"), "failures are marked:\n" + rcon);
            h.press(KeyType.Escape);
            h.await("sorted by id");
        }
    }

    @Test
    void at200x60TheChartSpansTheWidthAndTheFullNotesShow() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 60), DeckHarness.fast(),
                s -> s.clientKey())) {
            String note = "Java edition, whitelist on, RCON password rotated weekly, backups at 04:00, ask Ann before "
                    + "changing the port, the Bedrock bridge (Geyser) listens on the second allocation";
            h.client.setNotes(h.sim.serverId(SURVIVAL), 1, note);
            h.open(SURVIVAL);
            h.await("● open");
            h.idle(Duration.ofMillis(1500));
            h.press(KeyType.Enter);
            String screen = h.await("Latency, whole history: ");
            assertTrue(screen.replaceAll("\\s+", " ").contains(note), "the whole note:\n" + screen);
            int axis = h.rowOf("now");
            assertTrue(h.line(axis).stripTrailing().endsWith("now"));
            assertEquals(200, h.line(axis).stripTrailing().length(), "the time axis spans the width");
            assertTrue(axis - h.rowOf("Latency, whole history") > 20, "the chart takes the height that is left");
        }
    }

    @Test
    void withAsciiTheDetailsAreAsciiOnly() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(80, 24),
                DeckHarness.fast().withAscii(true), s -> s.clientKey())) {
            h.open(SURVIVAL);
            h.await("+ open");
            h.idle(Duration.ofMillis(1000));
            h.press('i');
            String screen = h.awaitScreen(s -> s.matches("(?s).*[_.=+*#%-]{3,}.*"), "three probes on the chart");
            for (char c : screen.toCharArray()) {
                assertTrue(c < 128, "non-ASCII '" + c + "' in\n" + screen);
            }
            assertTrue(screen.matches("(?s).*[_.=+*#%-]{3,}.*"), "ASCII bars:\n" + screen);
        }
    }
}
