package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.state.CheckSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each allocation is asked the question its server's egg and variables call for, over real sockets to the demo's game
 * ports (which answer in their games' own protocols): the SERVICE column, the state words, the reasons, and `C`.
 */
class ChecksViewTest {

    private static final String SURVIVAL = "Survival SMP";
    private static final TerminalSize WIDE = new TerminalSize(200, 40);

    @TempDir
    Path tmp;

    private static DeckHarness wide(Function<PanelSimulator, DashboardOptions> options) throws Exception {
        return DeckHarness.start(SimulatorOptions.defaults(), WIDE, options, PanelSimulator::clientKey,
                ListeningSnapshot::take);
    }

    private static String row(DeckHarness h, String server, long id) {
        return h.line(h.rowOf(h.address(server, id)));
    }

    @Test
    void eachGameShowsWhatItSaidInItsOwnProtocol() throws Exception {
        try (DeckHarness h = wide(sim -> DeckHarness.fast())) {
            h.open(SURVIVAL);
            h.awaitScreen(s -> row(h, SURVIVAL, 1).contains("MC Paper 1.21 3/40"), "Minecraft's status");
            assertTrue(row(h, SURVIVAL, 1).matches(".*minecraft +● open +MC Paper 1.21 3/40.*"), row(h, SURVIVAL, 1));
            assertTrue(row(h, SURVIVAL, 2).matches(".*tcp +✕ closed.*"), "RCON: a TCP connect only: " + row(h, SURVIVAL, 2));
            h.awaitScreen(s -> row(h, SURVIVAL, 3).matches(".*http +● open +HTTP 200 OK Dynmap.*"), "Dynmap's web map");
            h.press(KeyType.Escape, KeyType.Escape);
            h.open("CS2 Competitive");
            h.awaitScreen(s -> row(h, "CS2 Competitive", 7).matches(".*a2s +● open +CS2 de_dust2 \\d+/\\d+.*"),
                    "Source's A2S_INFO");
            h.press(KeyType.Escape, KeyType.Escape);
            h.open("Pocket Realm");
            h.awaitScreen(s -> row(h, "Pocket Realm", 14).matches(".*bedrock +● open +MCBE Bedrock level 2/10.*"),
                    "Bedrock's RakNet pong");
            h.press(KeyType.Escape, KeyType.Escape);
            h.open("The Island");
            String island = h.awaitScreen(s -> row(h, "The Island", 15).contains("? open|filtered"),
                    "ARK's game port stays silent to a stranger's datagram");
            assertTrue(row(h, "The Island", 16).matches(".*a2s +● open +ARK.*"), island);
        }
    }

    @Test
    void theDetailsSayWhichCheckWhyAndWhatTheGameAnswered() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED, new TerminalSize(100, 40), DeckHarness.fast(),
                PanelSimulator::clientKey)) {
            h.open(SURVIVAL);
            h.await("MC Paper 1.21");
            h.press('i');
            String screen = h.await("Round trip");
            assertTrue(screen.contains("Check       minecraft: egg Paper → Minecraft Java status · C changes it"), screen);
            assertTrue(screen.contains("Service     Minecraft · Survival SMP - 40 slots · Paper 1.21 · 3/40 players"),
                    "colour codes are gone from the MOTD:\n" + screen);
            assertTrue(screen.matches("(?s).*Round trip  last [0-9.<]+ · avg [0-9.<]+ · p95 [0-9.<]+ ms: the service's own"
                    + " answer.*"), screen);
            h.press('j');
            String rcon = h.await("#2 " + h.address(SURVIVAL, 2));
            assertTrue(rcon.contains("tcp: RCON_PORT points here: a TCP connect only, never a password"), rcon);
            assertTrue(rcon.contains("✕ closed: refused (nothing listens)"), rcon);
        }
    }

    @Test
    void cChangesTheCheckAndRemembersItInTheConfigFileKeepingTheOtherLines() throws Exception {
        Path config = tmp.resolve("c/config.properties"); // short enough for one line of the dialog
        Files.createDirectories(config.getParent());
        String mine = "# mine\ndefault=main\nprofile.main.url=https://panel.example.com\nprofile.main.key=ptlc_secret1\n";
        Files.writeString(config, mine);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        ConfigFile file = new ConfigFile(config);
        try (DeckHarness h = wide(sim -> DeckHarness.fast().withChecks(CheckSettings.read(file)))) {
            String id = h.sim.serverId(SURVIVAL);
            int port = h.allocation(SURVIVAL, 1).port();
            h.open(SURVIVAL);
            h.awaitScreen(s -> row(h, SURVIVAL, 1).contains("MC Paper 1.21"), "the Minecraft status");
            h.press('C');
            String chooser = h.awaitDialog("The check of #1");
            assertTrue(chooser.contains("Enter: ask this from now on"), chooser);
            assertTrue(h.text().contains("* auto      now minecraft"), h.text());
            assertTrue(chooser.contains("Auto picks minecraft: egg Paper → Minecraft Java status."), chooser);
            h.press(KeyType.ArrowDown); // tcp
            h.press(KeyType.Enter);
            String remember = h.awaitDialog("Remember the check [y/N]");
            assertTrue(remember.contains("Write checks." + id + "." + port + " = tcp into this file? " + config), remember);
            h.awaitScreen(s -> row(h, SURVIVAL, 1).matches(".*tcp +● open +tcp.*") || row(h, SURVIVAL, 1)
                    .matches(".*tcp +· waiting.*"), "asked a TCP connect at once, before the answer about the file");
            h.press('y');
            h.await("Remembered in " + config + ": checks." + id + "." + port + " = tcp.");
            assertEquals(mine + "checks." + id + "." + port + "=tcp\n", Files.readString(config));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            h.awaitScreen(s -> row(h, SURVIVAL, 1).matches(".*tcp +● open.*") && !row(h, SURVIVAL, 1).contains("MC "),
                    "a TCP connect has no service to show");
            h.press('i');
            h.await("tcp: checks." + id + "." + port + " in the config file · C changes it");

            h.press('C');
            h.awaitDialog("The check of #1");
            h.press(KeyType.Home, KeyType.Enter); // back to auto: the line goes
            h.awaitDialog("Remove checks." + id + "." + port + " from this file, so that auto decides there too? " + config);
            h.press('y');
            h.await("Remembered in " + config + ": removed checks." + id + "." + port + ".");
            assertEquals(mine, Files.readString(config), "the file is as the user wrote it");
            h.await("minecraft: egg Paper → Minecraft Java status");
        }
    }

    @Test
    void aChoiceNotRememberedLastsForTheSessionAndEscKeepsTheCheck() throws Exception {
        try (DeckHarness h = wide(sim -> DeckHarness.fast())) {
            h.open(SURVIVAL);
            h.awaitScreen(s -> row(h, SURVIVAL, 3).contains("HTTP 200 OK Dynmap"), "Dynmap");
            h.press('j', 'j', 'C');
            h.awaitDialog("The check of #3");
            h.press(KeyType.Escape);
            assertEquals("", h.dialog());
            assertTrue(row(h, SURVIVAL, 3).contains("http"), "unchanged");
            h.press('C');
            h.awaitDialog("The check of #3");
            h.press(KeyType.ArrowDown); // from auto to tcp
            h.press(KeyType.Enter);
            h.await("#3 is asked tcp from now on.");
            assertEquals("", h.dialog(), "no config file to remember it in: no question");
            h.awaitScreen(s -> row(h, SURVIVAL, 3).matches(".*tcp +● open.*"), "a TCP connect");
            h.press('k'); // the selected row is drawn in reverse video, without tones
            TextColor check = h.terminal.getCharacter(h.line(1).indexOf("CHECK"), h.rowOf(h.address(SURVIVAL, 3)))
                    .getForegroundColor();
            assertEquals(TextColor.ANSI.CYAN, check, "a check chosen by hand stands out");
        }
    }

    @Test
    void readOnlyModeStillChangesTheCheckBecauseThePanelIsNotTouched() throws Exception {
        try (DeckHarness h = wide(sim -> DeckHarness.fast().withReadOnly(true))) {
            h.open(SURVIVAL);
            h.await("MC Paper 1.21");
            h.press('n');
            h.await("Edit the notes is unavailable: read-only mode (--readonly).");
            h.press('C');
            h.awaitDialog("The check of #1");
            h.press(KeyType.Escape);
            h.press('?');
            String help = h.await("portdeck keys");
            assertTrue(help.contains("choose check; --readonly ok"), help);
            assertFalse(help.contains("choose check; --readonly ok (read-only)"), "not dimmed as a change:\n" + help);
        }
    }

    @Test
    void aPortClosedByDesignShowsAsExpectedNotAsAFailure() throws Exception {
        try (DeckHarness h = wide(sim -> DeckHarness.fast().withChecks(new CheckSettings(null,
                dev.portdeck.probe.choice.ExpectedClosed.parse(sim.serverId(SURVIVAL) + ":" + sim.server(SURVIVAL)
                        .allocations().get(1).port()), null)))) {
            h.awaitScreen(s -> s.contains(SURVIVAL) && h.line(h.rowOf(SURVIVAL)).strip().endsWith("2/3"), "2 of 3 up");
            int upColumn = h.line(h.rowOf(SURVIVAL)).stripTrailing().length() - 1;
            h.awaitScreen(s -> h.terminal.getCharacter(upColumn, h.rowOf(SURVIVAL)).getForegroundColor()
                    == TextColor.ANSI.GREEN, "green: everything is as it should be");
            h.open(SURVIVAL);
            String rcon = h.awaitScreen(s -> row(h, SURVIVAL, 2).contains("○ closed"), "closed as expected");
            assertFalse(row(h, SURVIVAL, 2).contains("✕"), rcon);
            h.press('j', 'i');
            String details = h.await("closed, as expected (expect_closed in the config file)");
            assertTrue(details.contains("closed by design (expect_closed)"), details);
            h.press(KeyType.Escape, KeyType.Escape);
            h.await("2 of 3 allocations answer (1 closed as expected)"); // Survival SMP is still the selected server
        }
    }

    @Test
    void withoutSocketsToReadThereIsNoListenColumnAndTheDetailsSayWhy() throws Exception {
        try (DeckHarness h = DeckHarness.start(SimulatorOptions.defaults(), WIDE, sim -> DeckHarness.fast(),
                PanelSimulator::clientKey, () -> ListeningSnapshot.take(Path.of("/nonexistent-proc-net"),
                        Path.of("/proc"), dev.portdeck.probe.local.LocalAddresses.ofThisMachine()))) {
            h.open(SURVIVAL);
            h.await("MC Paper 1.21");
            h.idle(Duration.ofMillis(800));
            assertFalse(h.line(1).contains("LISTEN"), h.line(1));
            h.press('i');
            h.await("Listening   cannot see this machine's sockets: there is no /nonexistent-proc-net/tcp (not Linux)");
        }
    }
}
