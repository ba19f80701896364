package dev.portdeck.probe.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.probe.Check;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** "auto" over real HTTP: the demo panel's eggs and variables give every allocation the question a human would pick. */
class CheckRuleOnTheDemoPanelTest {

    @Test
    void everyAllocationOfTheDemoWorldGetsTheRightCheck() {
        Map<String, Check> chosen = new TreeMap<>();
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false));
             PanelClient client = new PanelClient(PanelConfig.of(sim.url(), sim.clientKey()))) {
            for (Server server : client.listServers(true)) {
                for (Allocation a : server.allocations()) {
                    chosen.put(server.name() + ":" + a.port(), CheckRule.choose(server, a, null).check());
                }
            }
        }
        Map<String, Check> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("Survival SMP:25565", Check.MINECRAFT), Map.entry("Survival SMP:25575", Check.TCP),
                Map.entry("Survival SMP:8123", Check.HTTP), Map.entry("Creative Build:25566", Check.MINECRAFT),
                Map.entry("FiveM Roleplay:30120", Check.FIVEM), Map.entry("FiveM Roleplay:40120", Check.HTTP),
                Map.entry("CS2 Competitive:27015", Check.A2S), Map.entry("CS2 Competitive:27020", Check.TCP),
                Map.entry("Web Panel:8080", Check.HTTP), Map.entry("Modded Skyblock:25567", Check.MINECRAFT),
                Map.entry("Rust Weekly:28015", Check.A2S), Map.entry("Rust Weekly:28016", Check.TCP),
                Map.entry("Rust Weekly:28082", Check.TCP), Map.entry("Pocket Realm:19132", Check.BEDROCK),
                Map.entry("The Island:7777", Check.UDP), Map.entry("The Island:27015", Check.A2S),
                Map.entry("The Island:27020", Check.TCP)));
        assertEquals(expected, chosen);
    }
}
