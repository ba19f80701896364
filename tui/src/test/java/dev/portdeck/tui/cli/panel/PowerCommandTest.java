package dev.portdeck.tui.cli.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.ScriptedPrompt;
import dev.portdeck.tui.cli.common.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `portdeck power` and `--stop-first` against the simulator over HTTP: the documented contract refuses primary and
 * remove while a server runs, so these are the panels the flag exists for.
 */
class PowerCommandTest {

    @TempDir
    Path home;
    PanelSimulator sim;
    Cli cli;

    @BeforeEach
    void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.DOCUMENTED).withDemoListeners(false)
                .withPowerTransition(Duration.ofMillis(600)));
        cli = new Cli(home).panel(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private long allocationId(String server, int port) {
        return sim.server(server).allocations().stream().filter(a -> a.port() == port).findFirst().orElseThrow().id();
    }

    @Test
    void stopWithWaitReturnsOnceTheServerIsOffline() {
        Cli.Run r = cli.run("power", "stop", "Survival SMP", "--wait");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertEquals("sent stop to Survival SMP (" + sim.serverId("Survival SMP") + "); it is offline\n", r.out());
        assertEquals(PowerState.OFFLINE, sim.powerState("Survival SMP"));
    }

    @Test
    void startWithoutWaitOnlySendsTheSignal() {
        Cli.Run r = cli.run("power", "START", "Creative Build");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertEquals("sent start to Creative Build (" + sim.serverId("Creative Build") + ")\n", r.out());
        assertEquals(PowerState.STARTING, sim.powerState("Creative Build"), "the panel acts in the background");
    }

    @Test
    void restartWithWaitWaitsForAFreshStart() {
        Cli.Run r = cli.run("power", "restart", "Web Panel", "--wait", "--json");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertTrue(r.out().contains("\"signal\": \"restart\"") && r.out().contains("\"state\": \"running\""), r.out());
    }

    @Test
    void anUnknownSignalIsAUsageErrorThatNamesTheSignals() {
        Cli.Run r = cli.run("power", "reboot", "Web Panel");
        assertEquals(ExitCode.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("use start, stop, restart or kill"), r.err());
        assertEquals(0, sim.requestCount());
    }

    @Test
    void wingsDownIsTheNodesProblemExitThree() {
        sim.setWingsDown("fra-1", true);
        Cli.Run r = cli.run("power", "stop", "Survival SMP");
        assertEquals(ExitCode.UNREACHABLE, r.exit(), r.toString());
        assertTrue(r.err().contains("cannot reach the node (Wings)"), r.err());
    }

    @Test
    void stopFirstStopsRemovesAndStartsAgainWhenAsked() {
        long rcon = allocationId("Survival SMP", 25575);
        Cli.Run r = cli.run("alloc", "rm", "Survival SMP", Long.toString(rcon), "--yes", "--stop-first", "--start-again");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        String id = sim.serverId("Survival SMP");
        assertTrue(r.err().startsWith("portdeck: stopping Survival SMP (" + id + ") first: it is running.\n"), r.err());
        assertTrue(r.err().contains("portdeck: Survival SMP (" + id + ") is offline.\n"), r.err());
        assertTrue(r.err().endsWith("portdeck: started Survival SMP (" + id + ") again.\n"), r.err());
        assertTrue(r.out().startsWith("removed allocation " + rcon), r.out());
        assertEquals(2, sim.server("Survival SMP").allocations().size());
        assertFalse(sim.powerState("Survival SMP") == PowerState.OFFLINE, "started again");
    }

    @Test
    void stopFirstWithoutATerminalLeavesTheServerStoppedAndSaysHowToStartIt() {
        long rcon = allocationId("Survival SMP", 25575);
        Cli.Run r = cli.run("alloc", "primary", "Survival SMP", Long.toString(rcon), "--stop-first");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertTrue(r.err().contains("stays stopped; start it with `portdeck power start " + sim.serverId("Survival SMP")
                + "`"), r.err());
        assertEquals(rcon, sim.server("Survival SMP").primaryAllocation().id());
        assertEquals(PowerState.OFFLINE, sim.powerState("Survival SMP"));
    }

    @Test
    void stopFirstOnATerminalOffersToStartAgainDefaultYes() {
        long rcon = allocationId("Survival SMP", 25575);
        ScriptedPrompt prompt = new ScriptedPrompt(true, "");
        Cli.Run r = cli.prompt(prompt).run("alloc", "primary", "Survival SMP", Long.toString(rcon), "--stop-first");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertEquals(java.util.List.of("Start Survival SMP (" + sim.serverId("Survival SMP") + ") again? [Y/n] "),
                prompt.questions);
        assertFalse(sim.powerState("Survival SMP") == PowerState.OFFLINE);
    }

    @Test
    void stopFirstOnAStoppedServerNeitherStopsNorStarts() {
        long extra = allocationId("CS2 Competitive", 27020);
        sim.setPowerState("CS2 Competitive", PowerState.OFFLINE);
        Cli.Run r = cli.run("alloc", "primary", "CS2 Competitive", Long.toString(extra), "--stop-first");
        assertEquals(ExitCode.OK, r.exit(), r.toString());
        assertEquals("", r.err());
        assertEquals(PowerState.OFFLINE, sim.powerState("CS2 Competitive"));
    }

    @Test
    void aServerThatDoesNotStopInTimeIsLeftUnchanged() {
        sim.close();
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.DOCUMENTED).withDemoListeners(false)
                .withPowerTransition(Duration.ofSeconds(30)));
        cli.panel(sim);
        long rcon = allocationId("Survival SMP", 25575);
        Cli.Run r = cli.run("alloc", "rm", "Survival SMP", Long.toString(rcon), "--yes", "--stop-first",
                "--stop-timeout", "1s");
        assertEquals(ExitCode.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("did not stop within 1 s (it is stopping), so nothing was changed"), r.err());
        assertEquals(3, sim.server("Survival SMP").allocations().size());
    }
}
