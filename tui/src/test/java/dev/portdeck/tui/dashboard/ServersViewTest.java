package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class ServersViewTest {

    @Test
    void listsEveryServerWithItsStateAndAllocationsUsedOfLimit() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            String screen = h.awaitScreen(s -> s.contains("Survival SMP") && s.contains("running"), "servers");
            for (String name : new String[] {"Survival SMP", "Creative Build", "FiveM Roleplay", "CS2 Competitive",
                "Web Panel", "Modded Skyblock"}) {
                assertTrue(screen.contains(name), name + " is listed:\n" + screen);
            }
            String survival = h.line(h.rowOf("Survival SMP"));
            assertTrue(survival.contains(h.sim.serverId("Survival SMP")), survival);
            assertTrue(survival.contains("fra-1"), survival);
            assertTrue(survival.contains("3/5"), "3 of 5 allocations used: " + survival);
            h.awaitScreen(x -> h.line(h.rowOf("Survival SMP")).contains("4h0m"), "uptime from /resources");
            assertTrue(h.line(h.rowOf("Modded Skyblock")).contains("suspended"), screen);
            assertTrue(screen.contains("9 servers"), screen);
        }
    }

    @Test
    void probeRoundsThatChangeNothingShownLeaveTheTerminalAlone() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.awaitScreen(s -> s.contains("Survival SMP") && h.line(h.rowOf("Survival SMP")).strip().endsWith("2/3")
                    && h.line(h.rowOf("Survival SMP")).contains("4h0m"), "probed, with resources");
            h.idle(Duration.ofMillis(900)); // every port answered or timed out at least once (300 ms rounds)
            String settled = h.text();
            AtomicInteger redraws = new AtomicInteger();
            h.terminal.addVirtualTerminalListener(new VirtualTerminalListener() {
                @Override
                public void onFlush() {
                    redraws.incrementAndGet();
                }

                @Override
                public void onBell() {
                }

                @Override
                public void onClose() {
                }

                @Override
                public void onResized(Terminal terminal, TerminalSize newSize) {
                }
            });
            // five rounds; the next /resources read is 20 s after the first
            h.idle(Duration.ofMillis(1500));
            assertEquals(settled, h.text(), "nothing changed on screen");
            assertTrue(redraws.get() <= 1, redraws + " redraws for probe rounds that changed nothing shown");
        }
    }

    @Test
    void reachableCountFollowsTheLiveProbes() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            // Survival SMP: 25565 and 8123 listen, 25575 does not
            h.awaitScreen(s -> s.contains("Survival SMP") && h.line(h.rowOf("Survival SMP")).strip().endsWith("2/3"),
                    "2 of 3 reachable");
            h.awaitScreen(s -> h.line(h.rowOf("Web Panel")).strip().endsWith("1/1"), "web panel reachable");
        }
    }

    @Test
    void portsThatStopAnsweringShowOnTheServersListAtTheNextRound() throws Exception {
        // the list is redrawn for a round only when an answer changed (not for every round's new times)
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.awaitScreen(s -> s.contains("Survival SMP") && h.line(h.rowOf("Survival SMP")).strip().endsWith("2/3"),
                    "2 of 3 reachable");
            h.idle(Duration.ofSeconds(1)); // rounds that change no answer
            h.sim.setPowerState("Survival SMP", PowerState.OFFLINE); // its listeners close
            h.awaitScreen(s -> h.line(h.rowOf("Survival SMP")).strip().endsWith("0/3"), "none of its ports answers");
            h.sim.setPowerState("Survival SMP", PowerState.RUNNING);
            h.awaitScreen(s -> h.line(h.rowOf("Survival SMP")).strip().endsWith("2/3"), "its ports answer again");
        }
    }

    @Test
    void theFirstFrameShowsThePortsThatAnsweredWhileASilentOneStillWaitsForItsTimeout() throws Exception {
        // one round a minute, each question given 30 s: The Island's game port (UDP, silent) holds its round that long
        DashboardOptions slow = new DashboardOptions(Duration.ofSeconds(60), Duration.ofSeconds(30), false, true, false);
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), slow,
                PanelSimulator::clientKey)) {
            // the harness gives up after 15 s, long before the silent port's 30 s are over
            h.awaitScreen(s -> s.contains("The Island") && h.line(h.rowOf("The Island")).strip().endsWith("2/3"),
                    "The Island's query and RCON ports answered, its game port not yet known");
            h.awaitScreen(s -> h.line(h.rowOf("Survival SMP")).strip().endsWith("2/3"), "Survival SMP in the same round");
        }
    }

    @Test
    void aLargePanelsFirstPageIsListedAndProbedWhileTheNextPageStillComes() throws Exception {
        // 150 servers: two pages of the server list; the proxy never answers the second
        SimulatorOptions large = SimulatorOptions.defaults().withWorld(DemoWorld.large(150, 1));
        try (PanelSimulator sim = PanelSimulator.start(large);
                PanelProxy proxy = PanelProxy.before(sim).hang("GET", "[?&]page=2(&|$)");
                DeckHarness h = DeckHarness.beside(sim, new PanelClient(PanelConfig.of(proxy.url(),
                        sim.clientKey())), new TerminalSize(120, 30), DeckHarness.fast())) {
            h.awaitScreen(s -> h.rowOf("Server 1 ") >= 0 && h.line(h.rowOf("Server 1 ")).strip().endsWith("1/1"),
                    "Server 1 listed from the first page and its port probed");
            assertFalse(h.text().contains("150 servers"), "the second page never came:\n" + h.text());
        }
    }

    @Test
    void filterNarrowsTheRowsAndEscClearsIt() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Creative Build");
            h.press('/');
            h.type("fivem");
            String filtered = h.awaitGone("Creative Build");
            assertTrue(filtered.contains("FiveM Roleplay"), filtered);
            h.press(KeyType.Enter);
            assertTrue(h.await("filter \"fivem\": 1 of 9").contains("FiveM Roleplay"));
            h.press(KeyType.Escape);
            assertTrue(h.await("9 of 9").contains("Creative Build"));
        }
    }

    @Test
    void sortingKeepsTheSelectionOnTheSameServer() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            h.press('G'); // last by name: Web Panel
            String uuid = h.sim.server("Web Panel").uuid();
            h.await(uuid);
            int before = h.rowOf("Web Panel");
            h.press('s'); // by id
            h.press('S'); // reversed
            String screen = h.await("ID" + Glyphs.UNICODE.downward());
            assertTrue(screen.contains("sorted by id" + Glyphs.UNICODE.downward()), "the status line says it too");
            assertTrue(screen.contains(uuid), "the detail line still shows Web Panel:\n" + screen);
            assertTrue(h.reversed(h.rowOf("Web Panel")), "Web Panel is still the highlighted row");
            assertTrue(before > 0);
        }
    }

    @Test
    void navigationKeysMoveTheSelection() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            String first = h.sim.server("Creative Build").uuid();
            String second = h.sim.server("CS2 Competitive").uuid();
            h.await(first);
            h.press('j');
            h.await(second);
            h.press('k');
            h.await(first);
            h.press(KeyType.End);
            h.await(h.sim.server("Web Panel").uuid());
            h.press('g');
            h.await(first);
            h.press(KeyType.PageDown);
            h.await(h.sim.server("Web Panel").uuid());
            h.press(KeyType.PageUp);
            h.await(first);
        }
    }

    @Test
    void helpListsEveryKeyOfTheTable() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            h.press('?');
            String help = h.await("portdeck keys");
            for (Binding b : new Keymap(Glyphs.UNICODE).bindings()) {
                assertTrue(help.contains(b.does()), "help names \"" + b.does() + "\":\n" + help);
            }
            h.press('x');
            h.await("Web Panel");
        }
    }

    @Test
    void readOnlyModeGreysOutEveryChangeInTheHelp() throws Exception {
        DashboardOptions readOnly = DeckHarness.fast().withReadOnly(true);
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(120, 30), readOnly,
                s -> s.clientKey())) {
            assertTrue(h.await("Web Panel").contains("read-only"));
            h.press('?');
            String help = h.await("portdeck keys");
            assertTrue(help.contains("remove (asks first) (read-only)"), help);
            assertTrue(help.contains("edit the notes (read-only)"), help);
        }
    }

    @Test
    void aTooSmallTerminalSaysWhatSizeItNeedsAndRecoversOnResize() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(50, 10), DeckHarness.fast(),
                s -> s.clientKey())) {
            String small = h.await("needs a terminal of at least 60x12");
            assertTrue(small.contains("this one is 50x10"), small);
            assertFalse(small.contains("Survival SMP"), small);
            h.resize(100, 30);
            h.await("Survival SMP");
            h.resize(59, 30);
            h.await("59x30");
            h.press('q');
            assertTrue(h.dashboard.quitRequested(), "q still quits when the terminal is too small");
        }
    }

    @Test
    void aRejectedKeyIsShownInThePanelsWordsWithoutTheKey() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(200, 30), DeckHarness.fast(),
                s -> ApiKey.of("ptlc_" + "x".repeat(43)))) {
            String expected;
            try (PanelClient probe = new PanelClient(PanelConfig.of(h.sim.url(), ApiKey.of("ptlc_" + "x".repeat(43))))) {
                expected = assertThrows(Unauthorized.class, probe::listServers).getMessage();
            }
            String screen = h.await(expected);
            assertFalse(screen.contains("x".repeat(43)), "the key never shows");
            assertTrue(h.await("r: now").contains(expected), "r tries again:\n" + screen);
        }
    }

    @Test
    void qAndCtrlCQuit() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            assertFalse(h.dashboard.quitRequested());
            h.ctrl('c');
            assertTrue(h.dashboard.quitRequested());
        }
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Web Panel");
            h.press('q');
            assertTrue(h.dashboard.quitRequested());
        }
    }

    @Test
    void footerHintsComeFromTheKeyTable() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            String screen = h.await("Web Panel");
            String footer = h.line(29);
            for (Binding b : new Keymap(Glyphs.UNICODE).hints(View.SERVERS)) {
                assertTrue(footer.contains(b.hint()), "footer shows " + b.hint() + ": " + footer);
            }
            assertEquals(-1, footer.indexOf("notes"), "no allocation keys on the servers view: " + screen);
        }
    }

    @Test
    void aSlowPanelShowsLoadingAndTheKeysKeepWorking() throws Exception {
        try (MockWebServer panel = new MockWebServer()) {
            String empty = "{\"object\":\"list\",\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,"
                    + "\"per_page\":50,\"current_page\":1,\"total_pages\":1,\"links\":{}}}}";
            panel.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(empty)
                    .setHeadersDelay(2, TimeUnit.SECONDS));
            panel.start(InetAddress.getLoopbackAddress(), 0);
            URI url = URI.create("http://127.0.0.1:" + panel.getPort());
            try (DeckHarness h = DeckHarness.on(new PanelClient(PanelConfig.of(url, ApiKey.of("ptlc_" + "a".repeat(43)))),
                    new TerminalSize(100, 30))) {
                String loading = h.await("loading servers");
                assertTrue(loading.contains("loading…"), "the header says so too:\n" + loading);
                h.press('?');
                assertTrue(h.await("portdeck keys").contains("this help"), "keys answer while the panel thinks");
                h.press(KeyType.Escape);
                h.await("no servers");
            }
        }
    }
}
