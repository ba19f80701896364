package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** After the dashboard's own stop and start, the state shown is fresh, even while the panel still serves its cache. */
class FreshStateTest {

    private static final String SURVIVAL = "Survival SMP";

    @Test
    void aStopFromTheDashboardShowsOfflineAtOnceWhileThePanelStillSaysRunning() throws Exception {
        SimulatorOptions sim = SimulatorOptions.defaults().withFlavor(Flavor.DOCUMENTED)
                .withPowerTransition(Duration.ofMillis(800));
        try (DeckHarness base = DeckHarness.start(sim, new TerminalSize(120, 30), DeckHarness.fast(),
                s -> s.clientKey());
                PanelProxy proxy = PanelProxy.before(base.sim).cacheResources(Duration.ofSeconds(20));
                PanelClient direct = new PanelClient(PanelConfig.of(proxy.url(), base.sim.clientKey()));
                DeckHarness h = DeckHarness.beside(base.sim, new PanelClient(PanelConfig.of(proxy.url(),
                        base.sim.clientKey())), new TerminalSize(120, 30), DeckHarness.fast())) {
            String id = base.sim.serverId(SURVIVAL);
            h.open(SURVIVAL);
            h.await("· running 4h0m ·");
            h.press('j', 'j');
            h.press('p');
            h.awaitDialog("Stop Survival SMP? [y/N]");
            long start = System.nanoTime();
            h.press('y');
            h.awaitScreen(s -> h.line(0).contains("· offline ·"), "offline in the header");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "offline shown after " + millis + " ms");
            assertEquals(PowerState.RUNNING, direct.resources(id).state(), "the panel's cached answer is still old");
            h.awaitDialog("Start Survival SMP again? [y/N]");
            h.press('y');
            h.awaitScreen(s -> h.line(0).contains("· starting ·") || h.line(0).contains("· running"),
                    "starting in the header");
            h.await("Starting Survival SMP.");
            h.press(com.googlecode.lanterna.input.KeyType.Escape);
            h.awaitScreen(s -> !h.line(h.rowOf(SURVIVAL)).contains("offline"), "the servers view agrees");
        }
    }

    @Test
    void theAllocationsHeaderShowsPowerAndThePanelsStatus() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open(SURVIVAL);
            h.await("· running 4h0m ·");
            h.sim.setStatus(SURVIVAL, "installing");
            h.press('r');
            // the panel refuses /resources while installing: the power state is then unknown, never stale
            h.awaitScreen(s -> h.line(0).matches(".*· installing · (running 4h0m|power —) ·.*"), "installing");
            h.sim.setStatus(SURVIVAL, "restoring_backup");
            h.press('r');
            h.awaitScreen(s -> h.line(0).contains("· restoring backup · power — ·"), "a backup in the header");
            h.sim.setStatus(SURVIVAL, null);
            h.sim.setTransferring(SURVIVAL, true);
            h.sim.setNodeUnderMaintenance("fra-1", true);
            h.press('r');
            h.awaitScreen(s -> h.line(0).contains("· transferring · node under maintenance ·"), "a transfer");
            h.sim.setTransferring(SURVIVAL, false);
            h.sim.setNodeUnderMaintenance("fra-1", false);
            h.sim.setSuspended(SURVIVAL, true);
            h.press('r');
            h.awaitScreen(s -> h.line(0).contains("· SUSPENDED · power — ·"), "suspended, and no stale power state");
        }
    }
}
