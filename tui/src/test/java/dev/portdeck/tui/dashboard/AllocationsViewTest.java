package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.sim.Fault;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AllocationsViewTest {

    @Test
    void enterShowsTheServersAllocationsWithLiveReachability() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("Survival SMP");
            String screen = h.awaitScreen(s -> s.contains("● open") && s.contains("✕ closed"), "probe results");
            String game = h.address("Survival SMP", 1);
            String rconAddress = h.address("Survival SMP", 2);
            String dynmap = h.address("Survival SMP", 3);
            String primary = h.line(h.rowOf(game));
            assertTrue(primary.contains("★"), "the primary is marked: " + primary);
            assertTrue(primary.contains("Java edition"), primary);
            String rcon = h.line(h.rowOf(rconAddress));
            assertTrue(rcon.contains("✕ closed") && rcon.contains("100%"), "nothing listens on RCON: " + rcon);
            assertTrue(screen.contains("3/5 allocations"), screen);
            h.awaitScreen(s -> h.line(h.rowOf(rconAddress)).contains("×××"), "failures marked in the sparkline");
            h.awaitScreen(s -> h.line(h.rowOf(dynmap)).matches(".*[▁▂▃▄▅▆▇█]{3}.*"),
                    "a sparkline of latencies");
            assertTrue(h.text().matches("(?s).*· checked \\d+s ago.*"), "checked Ns ago, below the table");
        }
    }

    @Test
    void escGoesBackToTheServers() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("FiveM Roleplay");
            h.await(h.address("FiveM Roleplay", 5));
            h.press(KeyType.Escape); // clears the servers filter? no: the filter belongs to the servers view
            h.await("9 servers");
        }
    }

    @Test
    void theSelectionStaysOnItsRowWhileProbeResultsArrive() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("Survival SMP");
            String dynmap = h.address("Survival SMP", 3);
            h.press('j', 'j');
            h.await("#3 " + dynmap);
            h.press('s', 's', 's', 's', 's', 's'); // sort by LAST latency: rows move as results arrive
            h.idle(Duration.ofMillis(1500)); // several probe rounds
            assertTrue(h.text().contains("#3 " + dynmap), "still on #3:\n" + h.text());
            assertTrue(h.reversed(h.rowOf(dynmap)), "#3 is still the highlighted row");
        }
    }

    @Test
    void pauseFreezesTheProbesAndProbeNowAsksForARound() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("Survival SMP");
            h.await("● open");
            h.press('z');
            assertTrue(h.await("PAUSED (z)").contains("Live probing paused"));
            h.press('z');
            assertTrue(h.await("live every 300ms").contains("Live probing resumed"));
            h.press('t');
            h.await("Testing every port now.");
        }
    }

    @Test
    void at80ColumnsTheLessImportantColumnsGoFirst() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.open("Survival SMP");
            h.await("● open");
            h.await("tcp: java"); // the simulator's sockets are this JVM's: LISTEN shows
            assertTrue(h.line(h.rowOf(h.address("Survival SMP", 1))).contains("fra1.portdeck.test"), "alias at 200");
            h.resize(160, 30);
            h.awaitScreen(s -> h.line(1).contains("CHECKED") && h.line(1).stripTrailing().length() <= 160, "160 wide");
            for (String title : new String[] {"ID", "ADDRESS", "ALIAS", "NOTES", "CHECK", "STATE", "SERVICE", "LISTEN",
                "LAST", "AVG", "MAX", "P95", "LOSS", "HISTORY", "CHECKED"}) {
                assertTrue(h.line(1).contains(title), title + " at 160 columns: " + h.line(1));
            }
            h.resize(80, 24);
            String narrow = h.awaitScreen(s -> !h.line(1).contains("ALIAS"), "ALIAS dropped at 80");
            String titles = h.line(1);
            // on this machine (the simulator's sockets are this JVM's), LISTEN stays before the latency
            for (String kept : new String[] {"ADDRESS", "NOTES", "STATE", "SERVICE", "LISTEN"}) {
                assertTrue(titles.contains(kept), kept + " stays at 80 columns: " + titles);
            }
            assertFalse(titles.contains("AVG"), titles);
            assertTrue(h.line(h.rowOf(h.address("Survival SMP", 1))).contains("Java edition"), "the notes fit");
            assertTrue(narrow.contains("Esc back"), "the footer is on the last line:\n" + narrow);
            assertTrue(h.line(23).contains("q quit"), narrow);
            h.resize(62, 20);
            h.awaitScreen(x -> h.line(19).contains("? help") && h.line(19).contains("q quit"),
                    "help and quit still in the footer at 62 columns");
        }
    }

    @Test
    void asciiModeDrawsOnlyAsciiCharacters() throws Exception {
        DashboardOptions ascii = DeckHarness.fast().withAscii(true);
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), ascii,
                s -> s.clientKey())) {
            h.open("Survival SMP");
            String screen = h.awaitScreen(s -> s.contains("+ open") && s.contains("xxx"), "ascii marks");
            for (char c : screen.toCharArray()) {
                assertTrue(c < 128, "non-ASCII '" + c + "' on screen:\n" + screen);
            }
            h.press('D'); // a dialog: its borders too
            h.awaitDialog("[y/N]");
            String dialog = h.text();
            for (char c : dialog.toCharArray()) {
                assertTrue(c < 128, "non-ASCII '" + c + "' in the dialog:\n" + dialog);
            }
        }
    }

    @Test
    void withoutColourTheSelectionStillShowsInReverseVideo() throws Exception {
        DashboardOptions mono = DeckHarness.fast().withColor(false);
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), mono,
                s -> s.clientKey())) {
            h.open("Survival SMP");
            h.await("✕ closed");
            h.press('j');
            h.await("#2 " + h.address("Survival SMP", 2));
            for (int row = 0; row < 30; row++) {
                for (int col = 0; col < 120; col++) {
                    TextCharacter c = h.terminal.getCharacter(col, row);
                    assertEquals(TextColor.ANSI.DEFAULT, c.getForegroundColor(), "no colour at " + col + "," + row);
                    assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor(), "no colour at " + col + "," + row);
                }
            }
            assertTrue(h.reversed(h.rowOf(h.address("Survival SMP", 2))), "the selected row is in reverse video");
            assertFalse(h.reversed(h.rowOf(h.address("Survival SMP", 3))), "other rows are not");
        }
    }

    @Test
    void refreshReloadsTheServerFromThePanel() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("Survival SMP");
            h.await(h.address("Survival SMP", 1)); // the port the demo really got: 25565 may be taken by another run
            h.sim.setAllocationLimit("Survival SMP", 9);
            h.press('r');
            h.await("3/9 allocations");
        }
    }

    @Test
    void aPanelThatGoesAwayIsReportedInItsOwnWordsAndTheProbesGoOn() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.open("Survival SMP");
            h.await("● open");
            for (int i = 0; i < 12; i++) {
                h.sim.injectFault(Fault.BAD_GATEWAY_HTML);
            }
            String expected = assertThrows(PanelException.class, () -> h.client.server(h.sim.serverId("Survival SMP")))
                    .getMessage();
            h.press('r');
            h.await(expected);
            h.awaitScreen(s -> s.contains("● open"), "probes still shown");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (h.text().contains(expected) && System.nanoTime() < end) {
                h.press('r'); // until the faults are used up and the panel answers again
                h.idle(Duration.ofMillis(300));
            }
            h.awaitGone(expected);
        }
    }

    @Test
    void anAllocationOnEveryAddressIsProbedAtItsAliasNeverAtThisMachine() throws Exception {
        DemoWorld world = DemoWorld.builder()
                .node("any-1", "0.0.0.0", "127.0.0.5", List.of(31001))
                .node("any-2", "0.0.0.0", null, List.of(31002))
                .server("Aliased", "any-1", 2, 31000)
                .server("Bare", "any-2", 2, 31000)
                .build();
        SimulatorOptions options = SimulatorOptions.defaults().withWorld(world).withDemoListeners(false);
        try (DeckHarness h = DeckHarness.start(options, new TerminalSize(160, 30), DeckHarness.fast(),
                s -> s.clientKey())) {
            h.open("Aliased");
            String aliased = h.await("probed at 127.0.0.5: refused (nothing listens)");
            assertTrue(aliased.contains("0.0.0.0:31000"), aliased);
            h.press(KeyType.Escape, KeyType.Escape);
            h.open("Bare");
            String bare = h.await("it binds every address and has no alias to probe");
            assertTrue(bare.contains("no alias"), bare);
        }
    }
}
