package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standard demo world looks like a real host's; the large one is big enough for the dashboard benchmark. */
class DemoWorldTest {

    @Test
    void theStandardWorldHasRunningStoppedAndSuspendedGameServers() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            assertEquals(9, sim.servers().size());
            assertEquals(PowerState.RUNNING, sim.powerState("Survival SMP"));
            assertEquals(PowerState.OFFLINE, sim.powerState("Creative Build"));
            assertTrue(sim.server("Modded Skyblock").suspended());
            assertEquals(30120, sim.server("FiveM Roleplay").primaryAllocation().port());
            assertEquals(27015, sim.server("CS2 Competitive").primaryAllocation().port());
            assertEquals(8080, sim.server("Web Panel").primaryAllocation().port());
            assertEquals(7, sim.freeAllocations("fra-1").size());
            assertTrue(sim.server("Survival SMP").identifier().matches("[0-9a-f]{8}"));
            assertEquals(19132, sim.server("Pocket Realm").primaryAllocation().port());
            assertEquals("27015", sim.server("The Island").variable("QUERY_PORT"));
        }
    }

    @Test
    void serverIdsAreStableAcrossRuns() {
        String first;
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            first = sim.serverId("Survival SMP");
        }
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            assertEquals(first, sim.serverId("Survival SMP"));
        }
    }

    @Test
    void aLargeWorldServesTwoHundredFortyAllocationsOnRealListeners() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withWorld(DemoWorld.large(60, 4)))) {
            Set<String> addresses = new HashSet<>();
            int listening = 0;
            for (PanelSimulator.DemoPort p : sim.demoPorts()) {
                assertTrue(addresses.add(p.allocation().address()));
                listening += p.listening() ? 1 : 0;
            }
            assertEquals(240, addresses.size());
            assertEquals(60 * 3, listening, "ports 0, 1 and 3 of each server listen (a % 3 != 2)");
            SimHttp http = new SimHttp(sim, sim.clientKey());
            assertEquals(60, http.get("/api/client?per_page=100").json().path("meta").path("pagination").path("total").asInt());
            Server s = sim.servers().get(59);
            assertEquals(4, s.allocations().size());
            assertTrue(s.allocations().stream().map(Allocation::ip).allMatch(ip -> ip.startsWith("127.0.1.")));
        }
    }
}
