package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.RateLimit;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.common.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scriptable commands end to end: picocli → PanelClient → real HTTP → the panel simulator, in the documented,
 * Pterodactyl and Pelican flavors, including each refusal and the sentence the user sees.
 */
class SimulatorEndToEndTest {

    private static final Pattern ADDED = Pattern.compile("added (127\\.0\\.0\\.2):(\\d+) \\(allocation (\\d+)\\)");

    @TempDir
    Path home;

    private PanelSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(Flavor flavor) {
        start(SimulatorOptions.defaults().withFlavor(flavor).withDemoListeners(false));
    }

    /** A panel whose admin switched on client allocations (a stock Pterodactyl or Pelican refuses every add). */
    private void start(SimulatorOptions options) {
        sim = PanelSimulator.start(options);
        sim.setAutoAllocationEnabled(true);
    }

    private Cli.Run as(ApiKey key, String... args) {
        Cli cli = new Cli(home);
        cli.env.put("PORTDECK_PANEL_URL", sim.url().toString());
        cli.env.put("PORTDECK_API_KEY", key.reveal());
        Cli.Run run = cli.run(args);
        assertFalse(run.out().contains(key.reveal()) || run.err().contains(key.reveal()), "the key leaked: " + run);
        return run;
    }

    private Cli.Run portdeck(String... args) {
        return as(sim.clientKey(), args);
    }

    private long allocationId(String server, int port) {
        return sim.server(server).allocations().stream().filter(a -> a.port() == port).findFirst().orElseThrow().id();
    }

    private static void assertRefused(Cli.Run run, int exit, String sentence) {
        assertEquals(exit, run.exit(), run.toString());
        assertTrue(run.err().contains(sentence), "expected \"" + sentence + "\" in:\n" + run);
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run);
    }

    @Test
    void serversListsTheDemoWorld() {
        start(Flavor.DOCUMENTED);
        Cli.Run run = portdeck("servers");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        for (String name : List.of("Survival SMP", "Creative Build", "FiveM Roleplay", "CS2 Competitive", "Web Panel",
                "Modded Skyblock")) {
            assertTrue(run.out().contains(name), run.out());
        }
        String survival = run.out().lines().filter(l -> l.contains("Survival SMP")).findFirst().orElseThrow();
        assertTrue(survival.contains(sim.serverId("Survival SMP")) && survival.contains("3/5"), survival);
        String skyblock = run.out().lines().filter(l -> l.contains("Modded Skyblock")).findFirst().orElseThrow();
        assertTrue(skyblock.contains("suspended"), skyblock);
    }

    @Test
    void documentedAddListNotesPrimaryRemove() {
        start(Flavor.DOCUMENTED);
        String server = "Creative Build"; // stopped: the documented contract allows primary/remove
        long oldPrimary = allocationId(server, 25566);

        Cli.Run add = portdeck("alloc", "add", server, "--ip", "127.0.0.2", "--port", "25570");
        assertEquals(ExitCode.OK, add.exit(), add.toString());
        Matcher m = ADDED.matcher(add.out());
        assertTrue(m.find(), add.out());
        assertEquals("25570", m.group(2), "the documented contract assigns what was asked");
        long added = Long.parseLong(m.group(3));

        Cli.Run list = portdeck("alloc", "list", server);
        assertEquals(ExitCode.OK, list.exit(), list.toString());
        assertTrue(list.out().contains("2 of 2 allocations"), list.out());
        assertTrue(list.out().contains("25570"), list.out());

        Cli.Run notes = portdeck("alloc", "notes", server, Long.toString(added), "Voice chat (TeamSpeak)");
        assertEquals(ExitCode.OK, notes.exit(), notes.toString());
        assertTrue(notes.out().contains("Voice chat (TeamSpeak)"), notes.out());

        Cli.Run primary = portdeck("alloc", "primary", sim.serverId(server), Long.toString(added));
        assertEquals(ExitCode.OK, primary.exit(), primary.toString());
        assertTrue(primary.out().contains("127.0.0.2:25570 (allocation " + added + ") is now the primary"), primary.out());

        Cli.Run rm = portdeck("alloc", "rm", server, Long.toString(oldPrimary), "--yes");
        assertEquals(ExitCode.OK, rm.exit(), rm.toString());
        assertTrue(rm.out().contains("removed allocation " + oldPrimary), rm.out());

        Server after = sim.server(server);
        assertEquals(1, after.allocations().size());
        Allocation only = after.allocations().get(0);
        assertEquals(added, only.id());
        assertTrue(only.primary());
        assertEquals("Voice chat (TeamSpeak)", only.notes());
        assertTrue(sim.freeAllocations("fra-1").stream().anyMatch(a -> a.id() == oldPrimary), "back in the pool");
    }

    @Test
    void documentedRefusalsReachTheUserAsThePanelsSentences() {
        start(Flavor.DOCUMENTED);
        long rcon = allocationId("Survival SMP", 25575);
        long survivalPrimary = allocationId("Survival SMP", 25565);
        assertRefused(portdeck("alloc", "add", "Web Panel"), ExitCode.FAILURE,
                "This server has reached its allocation limit.");
        assertRefused(portdeck("alloc", "add", "Creative Build", "--ip", "127.0.0.2", "--port", "25565"),
                ExitCode.FAILURE, "The requested allocation is not available or already in use.");
        assertRefused(portdeck("alloc", "primary", "Survival SMP", Long.toString(rcon)), ExitCode.FAILURE,
                "Server must be stopped to change the primary allocation (pass --stop-first");
        assertRefused(portdeck("alloc", "rm", "Survival SMP", Long.toString(rcon), "--yes"), ExitCode.FAILURE,
                "Server must be stopped to remove allocations (pass --stop-first");
        sim.setPowerState("Survival SMP", PowerState.OFFLINE);
        assertRefused(portdeck("alloc", "rm", "Survival SMP", Long.toString(survivalPrimary), "--yes"), ExitCode.FAILURE,
                "Cannot remove the primary allocation. Set another allocation as primary first.");
        assertRefused(portdeck("alloc", "list", "Modded Skyblock"), ExitCode.FAILURE, "suspended");
        assertEquals(3, sim.server("Survival SMP").allocations().size(), "nothing changed");
    }

    @Test
    void anEmptyPoolIsRefusedWithThePanelsSentence() {
        DemoWorld noPool = DemoWorld.builder().node("fra-1", "127.0.0.2", null, List.of())
                .server("Lobby", "fra-1", 3, 25565).build();
        start(SimulatorOptions.defaults().withWorld(noPool).withDemoListeners(false));
        assertRefused(portdeck("alloc", "add", "Lobby"), ExitCode.FAILURE, "No available allocations found on this node.");
    }

    @Test
    void keysServersAndAllocationsThatDoNotFitAreRefused() {
        start(Flavor.DOCUMENTED);
        assertEquals(ExitCode.OK, as(sim.readOnlyKey(), "alloc", "list", "Survival SMP").exit());
        Cli.Run readOnly = as(sim.readOnlyKey(), "alloc", "add", "Creative Build");
        assertEquals(ExitCode.AUTH, readOnly.exit(), readOnly.toString());
        assertTrue(readOnly.err().contains("allocation.create"), readOnly.err());
        Cli.Run subuser = as(sim.subuserKey(), "alloc", "rm", "Creative Build",
                Long.toString(allocationId("Creative Build", 25566)), "--yes");
        assertEquals(ExitCode.AUTH, subuser.exit(), subuser.toString());
        assertEquals(ExitCode.AUTH, as(ApiKey.of("ptlc_thisKeyDoesNotExistOnThePanel000"), "servers").exit());
        assertEquals(ExitCode.NOT_FOUND, portdeck("alloc", "list", "no-such-server").exit());
        long fivem = allocationId("FiveM Roleplay", 30120);
        Cli.Run foreign = portdeck("alloc", "notes", "Creative Build", Long.toString(fivem), "mine now");
        assertEquals(ExitCode.NOT_FOUND, foreign.exit(), foreign.toString());
        assertEquals("Game (TCP+UDP)", sim.server("FiveM Roleplay").primaryAllocation().notes());
    }

    @Test
    void pterodactylAddListNotesPrimaryRemoveOnARunningServer() {
        start(Flavor.PTERODACTYL);
        String server = "Survival SMP"; // running: Pterodactyl never checks
        Cli.Run add = portdeck("alloc", "add", server);
        assertEquals(ExitCode.OK, add.exit(), add.toString());
        Matcher m = ADDED.matcher(add.out());
        assertTrue(m.find(), add.out());
        long added = Long.parseLong(m.group(3));
        assertTrue(portdeck("alloc", "list", server).out().contains("4 of 5 allocations"));
        assertEquals(ExitCode.OK, portdeck("alloc", "notes", server, Long.toString(added), "BlueMap").exit());
        assertEquals(ExitCode.OK, portdeck("alloc", "primary", server, Long.toString(added)).exit());
        long oldPrimary = allocationId(server, 25565);
        assertEquals(ExitCode.OK, portdeck("alloc", "rm", server, Long.toString(oldPrimary), "--yes").exit());
        Allocation primary = sim.server(server).primaryAllocation();
        assertEquals(added, primary.id());
        assertEquals("BlueMap", primary.notes());
        assertEquals(3, sim.server(server).allocations().size());
    }

    @Test
    void pterodactylIgnoresTheAskedForPortAndTheUserIsToldWithExitFive() {
        start(Flavor.PTERODACTYL);
        sim.setAllocationLimit("Creative Build", 3);
        Cli.Run run = portdeck("alloc", "add", "Creative Build", "--port", "25999"); // not in any pool: never assignable
        assertEquals(ExitCode.NOT_AS_REQUESTED, run.exit(), run.toString());
        Matcher m = ADDED.matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(run.err().contains("asked for port 25999, the panel assigned 127.0.0.2:" + m.group(2)
                + " — this panel only auto-assigns"), run.err());
        assertEquals(2, sim.server("Creative Build").allocations().size(), "kept without --exact");

        Cli.Run exact = portdeck("alloc", "add", "Creative Build", "--port", "25999", "--exact");
        assertRefused(exact, ExitCode.NOT_AS_REQUESTED, "released allocation");
        assertEquals(2, sim.server("Creative Build").allocations().size(), "--exact released it again");
    }

    @Test
    void pterodactylRefusalsUseItsOwnSentences() {
        start(Flavor.PTERODACTYL);
        assertRefused(portdeck("alloc", "add", "Web Panel"), ExitCode.FAILURE,
                "Cannot assign additional allocations to this server: limit has been reached.");
        assertRefused(portdeck("alloc", "rm", "Creative Build", Long.toString(allocationId("Creative Build", 25566)),
                "--yes"), ExitCode.FAILURE, "You cannot delete the primary allocation for this server.");
        sim.setAllocationLimit("CS2 Competitive", 20);
        int free = (int) sim.freeAllocations("nyc-1").stream().filter(a -> a.ip().equals("127.0.0.3")).count();
        for (int i = 0; i < free; i++) {
            assertEquals(ExitCode.OK, portdeck("alloc", "add", "CS2 Competitive").exit());
        }
        assertRefused(portdeck("alloc", "add", "CS2 Competitive"), ExitCode.FAILURE,
                "Cannot assign additional allocation: no more space available on node.");
    }

    @Test
    void pelicanLetsThePrimaryGo() {
        start(SimulatorOptions.defaults().withFlavor(Flavor.PELICAN).withDemoListeners(false));
        long primary = allocationId("Creative Build", 25566);
        Cli.Run rm = portdeck("alloc", "rm", "Creative Build", Long.toString(primary), "--yes");
        assertEquals(ExitCode.OK, rm.exit(), rm.toString());
        assertTrue(rm.out().contains("PRIMARY"), rm.out());
        assertTrue(rm.out().contains("Creative Build (" + sim.serverId("Creative Build") + ") now has no primary"
                + " allocation until one is set"), rm.out());
        assertNull(sim.server("Creative Build").primaryAllocation());
        assertTrue(portdeck("alloc", "list", "Creative Build").out().contains("0 of 2 allocations"));
        long survival = allocationId("Survival SMP", 25565);
        assertEquals(ExitCode.OK, portdeck("alloc", "rm", "Survival SMP", Long.toString(survival), "--yes").exit());
        Cli.Run list = portdeck("alloc", "list", "Survival SMP");
        assertTrue(list.out().contains("2 of 5 allocations\nno primary allocation: set one with `portdeck alloc primary "
                + sim.serverId("Survival SMP") + " ID`"), list.out());
    }

    /** How many requests `portdeck alloc list "Survival SMP"` sends (the client may resolve the name first). */
    private int requestsOfOneList() {
        start(Flavor.DOCUMENTED);
        assertEquals(ExitCode.OK, portdeck("alloc", "list", "Survival SMP").exit());
        int n = (int) sim.requestCount();
        sim.close();
        return n;
    }

    @Test
    void aShortRateLimitIsWaitedOutByTheClient() {
        int n = requestsOfOneList();
        start(SimulatorOptions.defaults().withDemoListeners(false).withRateLimit(new RateLimit(n, Duration.ofSeconds(1))));
        assertEquals(ExitCode.OK, portdeck("alloc", "list", "Survival SMP").exit());
        // The next command meets a 429 with Retry-After 1 s at once, which the client waits out.
        Cli.Run again = portdeck("alloc", "list", "Survival SMP");
        assertEquals(ExitCode.OK, again.exit(), again.toString());
        assertTrue(again.out().contains("Java edition"), again.out());
        assertTrue(sim.requestCount() > 2L * n, "a request was throttled and repeated");
    }

    @Test
    void aLongRateLimitIsOneSentenceWithTheWait() {
        int n = requestsOfOneList();
        start(SimulatorOptions.defaults().withDemoListeners(false).withRateLimit(RateLimit.perMinute(n)));
        assertEquals(ExitCode.OK, portdeck("alloc", "list", "Survival SMP").exit());
        assertRefused(portdeck("alloc", "list", "Survival SMP"), ExitCode.FAILURE, "is limiting requests (HTTP 429: "
                + n + " requests a minute per panel user");
    }

    @Test
    void pelicanThrottlesTheThirdCreationInAMinute() {
        start(SimulatorOptions.defaults().withFlavor(Flavor.PELICAN).withDemoListeners(false));
        assertEquals(ExitCode.OK, portdeck("alloc", "add", "Survival SMP").exit());
        assertEquals(ExitCode.OK, portdeck("alloc", "add", "Survival SMP").exit());
        assertRefused(portdeck("alloc", "add", "Survival SMP"), ExitCode.FAILURE,
                "allows only 2 new allocations per minute per server");
        assertEquals(5, sim.server("Survival SMP").allocations().size());
    }

    @Test
    void aStockPanelsRefusalSaysWhatToAskTheAdminFor() {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.PTERODACTYL).withDemoListeners(false));
        Cli.Run run = portdeck("alloc", "add", "Survival SMP");
        assertRefused(run, ExitCode.FAILURE, "Server auto-allocation is not enabled for this instance: this panel does"
                + " not let its users add allocations: ask its admin to switch on automatic allocation creation with a"
                + " port range");
    }
}
