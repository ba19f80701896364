package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transfers, node maintenance, failed installs, a node whose Wings is down, and other users' servers, as real panels. */
class ServerStatesTest {

    private PanelSimulator sim;
    private SimHttp http;
    private String cs2;

    @BeforeEach
    void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.PTERODACTYL).withDemoListeners(false));
        http = new SimHttp(sim, sim.clientKey());
        cs2 = sim.serverId("CS2 Competitive");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode view(String id) {
        return http.get("/api/client/servers/" + id).attributes();
    }

    @Test
    void aTransferIsAFlagWithStatusNullAndBlocksChanges() {
        sim.setTransferring(cs2, true);
        JsonNode v = view(cs2);
        assertTrue(v.path("status").isNull(), v.toString());
        assertTrue(v.path("is_transferring").asBoolean());
        SimHttp.Answer refused = http.get(SimHttp.allocations(cs2));
        assertEquals(409, refused.status());
        assertEquals("This server is currently being transferred to a new machine, please try again later.",
                refused.errorDetail());
    }

    @Test
    void nodeMaintenanceIsShownAndBlocksChangesOfItsServersOnly() {
        sim.setNodeUnderMaintenance("nyc-1", true);
        assertTrue(view(cs2).path("is_node_under_maintenance").asBoolean());
        assertFalse(view(sim.serverId("Survival SMP")).path("is_node_under_maintenance").asBoolean());
        SimHttp.Answer refused = http.post(SimHttp.allocations(cs2) + "/" + sim.server(cs2).allocations().get(1).id(),
                "{\"notes\":\"x\"}");
        assertEquals(409, refused.status());
        assertTrue(refused.errorDetail().startsWith("The node of this server is currently under maintenance"),
                refused.errorDetail());
    }

    @Test
    void aFailedReinstallDoesNotBlockButAFailedInstallDoes() {
        sim.setStatus(cs2, "reinstall_failed");
        assertEquals("reinstall_failed", view(cs2).path("status").asText());
        assertEquals(200, http.get(SimHttp.allocations(cs2)).status());
        sim.setStatus(cs2, "install_failed");
        assertEquals(409, http.get(SimHttp.allocations(cs2)).status());
    }

    @Test
    void wingsDownFailsPowerAndResourcesWith504WhileThePanelAnswers() {
        sim.setWingsDown("nyc-1", true);
        for (SimHttp.Answer a : List.of(http.get("/api/client/servers/" + cs2 + "/resources"),
                http.post("/api/client/servers/" + cs2 + "/power", "{\"signal\":\"stop\"}"))) {
            assertEquals(504, a.status(), a.toString());
            assertEquals("DaemonConnectionException", a.errorCode());
        }
        assertEquals(200, http.get(SimHttp.allocations(cs2)).status(), "the panel itself is fine");
        assertEquals(200, http.get("/api/client/servers/" + sim.serverId("Survival SMP") + "/resources").status());
    }

    @Test
    void anotherUsersServerIsListedForTheAdminOnlyWithAdminAll() {
        sim.setOwnedByAnotherUser(cs2, true);
        assertFalse(names(http.get("/api/client")).contains("CS2 Competitive"));
        assertTrue(names(http.get("/api/client?type=admin-all")).contains("CS2 Competitive"));
        assertEquals(List.of("CS2 Competitive"), names(http.get("/api/client?type=admin")));
        assertEquals(200, http.get("/api/client/servers/" + cs2).status(), "an admin may open it");
        SimHttp subuser = http.as(sim.subuserKey());
        assertEquals(List.of(), names(subuser.get("/api/client?type=admin-all")), "not an admin: nothing");
        SimHttp.Answer hidden = subuser.get("/api/client/servers/" + cs2);
        assertEquals(404, hidden.status());
        assertEquals("The requested resource does not exist on this server.", hidden.errorDetail());
    }

    private static List<String> names(SimHttp.Answer answer) {
        List<String> names = new ArrayList<>();
        answer.json().path("data").forEach(s -> names.add(s.path("attributes").path("name").asText()));
        return names;
    }
}
