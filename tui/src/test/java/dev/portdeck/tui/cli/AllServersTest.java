package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.Profile;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.common.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin sees other users' servers only with --all-servers (or the profile's all_servers), as on real panels. */
class AllServersTest {

    @TempDir
    Path home;
    PanelSimulator sim;
    Cli cli;

    @BeforeEach
    void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        sim.setOwnedByAnotherUser("CS2 Competitive", true);
        cli = new Cli(home).panel(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void serversListsAnotherUsersServerOnlyWithTheFlag() {
        assertFalse(cli.run("servers").out().contains("CS2 Competitive"));
        Cli.Run all = cli.run("servers", "--all-servers");
        assertEquals(0, all.exit(), all.toString());
        assertTrue(all.out().contains("CS2 Competitive"), all.out());
    }

    @Test
    void aNameIsFoundAmongEveryServerWithTheFlag() {
        assertEquals(ExitCode.NOT_FOUND, cli.run("alloc", "list", "CS2 Competitive").exit());
        Cli.Run r = cli.run("alloc", "list", "CS2 Competitive", "--all-servers");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("CS2 Competitive"), r.out());
    }

    @Test
    void probeAllCoversEveryServerWithTheFlag() {
        Cli.Run mine = cli.run("probe", "--all", "--json");
        assertFalse(mine.out().contains("CS2 Competitive"), mine.out());
        Cli.Run all = cli.run("probe", "--all", "--all-servers", "--json");
        assertTrue(all.out().contains("\"label\":\"CS2 Competitive #"), all.out());
    }

    @Test
    void aProfileCanAlwaysListEveryServer() {
        cli.env.remove("PORTDECK_PANEL_URL");
        cli.env.remove("PORTDECK_API_KEY");
        ConfigFile.in(cli.env).save(new Profile("admin", sim.url().toString(), sim.clientKey(), false, true), true);
        assertTrue(cli.run("servers").out().contains("CS2 Competitive"));
    }
}
