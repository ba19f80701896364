package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.state.ResourcesPace;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Which servers' `/resources` the dashboard reads, and when: counted on the wire in front of the simulator, with the
 * real dashboard on a virtual terminal that shows 7 of 20 servers (Server 1 to Server 7, in natural order).
 */
class ResourcesPollingTest {

    private static final TerminalSize SEVEN_ROWS = new TerminalSize(120, 12);
    private static final SimulatorOptions TWENTY = SimulatorOptions.defaults().withWorld(DemoWorld.large(20, 1));

    @Test
    void theServersOnScreenAreReadEveryPeriodTheOthersOnceAtTheirSlowPace() throws Exception {
        ResourcesPace pace = new ResourcesPace(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMillis(100));
        try (Counted c = Counted.start(pace)) {
            DeckHarness h = c.h();
            h.idle(Duration.ofMillis(4500));
            assertEquals(-1, h.rowOf("Server 8 "), "only seven rows show:\n" + h.text());
            for (int n = 1; n <= 7; n++) {
                int reads = c.reads(n);
                assertTrue(reads >= 3, "Server " + n + " is on screen: read every second, but only " + reads + " times");
            }
            for (int n = 8; n <= 20; n++) {
                // each read once (the power column and the traffic sort are not left empty), not again within a minute
                assertEquals(1, c.reads(n), "Server " + n + " is off screen");
            }
        }
    }

    @Test
    void aServerThatComesIntoViewIsReadAtOnceUnlessItsLastReadIsRecent() throws Exception {
        // no period ends during the test: every read here is one the view asked for
        ResourcesPace pace = new ResourcesPace(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMillis(100));
        try (Counted c = Counted.start(pace)) {
            DeckHarness h = c.h();
            await(h, () -> c.reads(7) == 1, "Server 7 read as it showed");
            assertEquals(0, c.reads(20), "Server 20 is off screen and was never asked for");

            h.press(KeyType.End); // Server 14 to Server 20 come into view
            h.awaitScreen(s -> h.rowOf("Server 20 ") > 0, "the last rows");
            await(h, () -> c.reads(20) == 1 && c.reads(14) == 1, "the rows that came into view read");

            h.press(KeyType.Home); // Server 1 to 7 again: read seconds ago, within the minute, so not again
            h.awaitScreen(s -> h.rowOf("Server 1 ") > 0, "the first rows again");
            h.idle(Duration.ofSeconds(1));
            assertEquals(1, c.reads(1), "Server 1 was read moments ago");
            assertEquals(0, c.reads(10), "Server 10 never showed");
        }
    }

    @Test
    void theServerWhoseAllocationsAreOpenIsKeptFreshAndTheListBehindItIsNot() throws Exception {
        ResourcesPace pace = new ResourcesPace(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMillis(100));
        try (Counted c = Counted.start(pace)) {
            DeckHarness h = c.h();
            await(h, () -> c.reads(1) == 1, "Server 1 read as it showed");
            h.press('/'); // Server 15 is off screen: found by name, then opened
            h.type("Server 15");
            h.press(KeyType.Enter, KeyType.Enter);
            h.awaitScreen(s -> s.contains(Glyphs.UNICODE.into() + "Server 15") && !s.contains("loading"),
                    "the allocations of Server 15");
            int opened = c.reads(15);
            int first = c.reads(1);
            h.idle(Duration.ofMillis(3500));
            assertTrue(c.reads(15) - opened >= 3, "its allocations are open: read every second");
            assertEquals(first, c.reads(1), "Server 1's row is not on screen while Server 15 is open, and it was read "
                    + "seconds ago");
        }
    }

    /** The dashboard on 20 servers, every request to the simulator counted on its way; the first rows on screen. */
    private record Counted(PanelSimulator sim, PanelProxy proxy, DeckHarness h) implements AutoCloseable {

        static Counted start(ResourcesPace pace) throws IOException {
            PanelSimulator sim = PanelSimulator.start(TWENTY);
            PanelProxy proxy = PanelProxy.before(sim);
            DeckHarness h = DeckHarness.beside(sim, new PanelClient(PanelConfig.of(proxy.url(), sim.clientKey())),
                    SEVEN_ROWS, DeckHarness.fast().withResources(pace));
            Counted c = new Counted(sim, proxy, h);
            try {
                h.awaitScreen(s -> h.rowOf("Server 7 ") > 0, "the first seven servers");
            } catch (RuntimeException | Error e) {
                c.close();
                throw e;
            }
            return c;
        }

        /** The `/resources` requests for Server `n` so far. */
        int reads(int n) {
            return proxy.requests("/api/client/servers/" + sim.serverId("Server " + n) + "/resources");
        }

        @Override
        public void close() throws IOException {
            try {
                h.close();
            } finally {
                try {
                    proxy.close();
                } finally {
                    sim.close();
                }
            }
        }
    }

    /** Steps the dashboard until `done` (bounded by the harness' deadline). */
    private static void await(DeckHarness h, BooleanSupplier done, String what) {
        long end = System.nanoTime() + DeckHarness.DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            h.idle(Duration.ofMillis(20));
        }
    }
}
