package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.games.NodePeers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The demo world's game ports answer an independent client (GameDig) in their games' own protocols, TCP and UDP. */
class DemoGamePortsTest {

    private static Allocation port(PanelSimulator sim, String server, String notesStart) {
        return sim.server(server).allocations().stream()
                .filter(a -> a.notes() != null && a.notes().startsWith(notesStart)).findFirst().orElseThrow();
    }

    @Test
    void everyGameOfTheStandardWorldAnswersGameDig() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            Allocation mc = port(sim, "Survival SMP", "Java");
            assertEquals("Paper 1.21", NodePeers.gamedig("minecraft", mc.ip(), mc.port()).get("version").asText());
            Allocation be = port(sim, "Pocket Realm", "Bedrock");
            assertEquals("Pocket Realm", NodePeers.gamedig("mbe", be.ip(), be.port()).get("name").asText());
            Allocation cs = port(sim, "CS2 Competitive", "Game");
            JsonNode cs2 = NodePeers.gamedig("counterstrike2", cs.ip(), cs.port());
            assertEquals("de_dust2", cs2.get("map").asText());
            Allocation rust = port(sim, "Rust Weekly", "Game");
            assertEquals(37, NodePeers.gamedig("rust", rust.ip(), rust.port()).get("numplayers").asInt(),
                    "Rust's player count comes from its keywords, from a split reply");
            Allocation ark = port(sim, "The Island", "Steam query");
            assertEquals("TheIsland", NodePeers.gamedig("ase", ark.ip(), ark.port()).get("map").asText());
            Allocation fx = port(sim, "FiveM Roleplay", "Game");
            assertEquals("QBCore Roleplay", NodePeers.gamedig("gta5f", fx.ip(), fx.port()).get("name").asText());
        }
    }

    @Test
    void aStoppedGameRefusesAndAnswersAgainWhenStarted() throws IOException {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            Allocation mc = port(sim, "Survival SMP", "Java");
            assertEquals(3, NodePeers.gamedig("minecraft", mc.ip(), mc.port()).get("numplayers").asInt());
            sim.setPowerState("Survival SMP", PowerState.OFFLINE);
            assertTrue(refuses(mc), "a stopped server's game port is closed");
            sim.setPowerState("Survival SMP", PowerState.RUNNING);
            assertEquals(3, NodePeers.gamedig("minecraft", mc.ip(), mc.port()).get("numplayers").asInt());
        }
    }

    private static boolean refuses(Allocation a) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a.ip(), a.port()), 2000);
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }
}
