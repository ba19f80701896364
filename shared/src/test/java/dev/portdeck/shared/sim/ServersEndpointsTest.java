package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.model.PowerState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/client, the server view, resources and power, over real HTTP against the standard demo world. */
class ServersEndpointsTest {

    private static PanelSimulator sim;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false));
        http = new SimHttp(sim, sim.clientKey());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<String> names(SimHttp.Answer answer) {
        List<String> names = new ArrayList<>();
        answer.json().path("data").forEach(s -> names.add(s.path("attributes").path("name").asText()));
        return names;
    }

    @Test
    void listsEveryDemoServerWithPaginationMeta() {
        SimHttp.Answer answer = http.get("/api/client");
        assertEquals(200, answer.status());
        assertEquals(List.of("Survival SMP", "Creative Build", "FiveM Roleplay", "CS2 Competitive", "Web Panel",
                "Modded Skyblock", "Rust Weekly", "Pocket Realm", "The Island"), names(answer));
        JsonNode p = answer.json().path("meta").path("pagination");
        assertEquals(9, p.path("total").asInt());
        assertEquals(9, p.path("count").asInt());
        assertEquals(50, p.path("per_page").asInt());
        assertEquals(1, p.path("current_page").asInt());
        assertEquals(1, p.path("total_pages").asInt());
        assertTrue(p.path("links").isObject() && p.path("links").isEmpty());
    }

    @Test
    void pagesThroughServersWithLinks() {
        SimHttp.Answer second = http.get("/api/client?page=2&per_page=5");
        assertEquals(List.of("Modded Skyblock", "Rust Weekly", "Pocket Realm", "The Island"), names(second));
        JsonNode p = second.json().path("meta").path("pagination");
        assertEquals(4, p.path("count").asInt());
        assertEquals(2, p.path("total_pages").asInt());
        assertTrue(p.path("links").path("previous").asText().endsWith("/api/client?page=1&per_page=5"));
        assertTrue(p.path("links").path("next").isMissingNode());
        SimHttp.Answer first = http.get("/api/client?page=1&per_page=5");
        assertTrue(first.json().path("meta").path("pagination").path("links").path("next").asText().contains("page=2"));
    }

    @Test
    void perPageIsCappedAtOneHundredAndPagesBeyondTheEndAreEmpty() {
        assertEquals(100, http.get("/api/client?per_page=500").json().path("meta").path("pagination").path("per_page").asInt());
        SimHttp.Answer beyond = http.get("/api/client?page=9");
        assertEquals(200, beyond.status());
        assertTrue(names(beyond).isEmpty());
    }

    private static String filter(String text) {
        return "/api/client?filter%5B*%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void filterMatchesNameUuidIpPortAndBarePort() {
        assertEquals(List.of("FiveM Roleplay"), names(http.get(filter("fivem"))));
        String uuid = sim.server("CS2 Competitive").uuid();
        assertEquals(List.of("CS2 Competitive"), names(http.get(filter(uuid.substring(0, 13)))));
        String web = sim.server("Web Panel").allocations().get(0).address();
        assertEquals(List.of("Web Panel"), names(http.get(filter(web))));
        assertEquals(List.of("FiveM Roleplay"), names(http.get(filter(":30120"))));
        assertTrue(names(http.get(filter(":1"))).isEmpty());
    }

    @Test
    void serverViewWorksByShortIdAndUuidWithAllocationsLimitAndPermissions() {
        String id = sim.serverId("Survival SMP");
        SimHttp.Answer byId = http.get("/api/client/servers/" + id);
        SimHttp.Answer byUuid = http.get("/api/client/servers/" + sim.server(id).uuid());
        assertEquals(200, byId.status());
        assertEquals(byId.attributes().path("uuid"), byUuid.attributes().path("uuid"));
        JsonNode a = byId.attributes();
        assertEquals(id, a.path("identifier").asText());
        assertEquals(5, a.path("feature_limits").path("allocations").asInt());
        JsonNode allocations = a.path("relationships").path("allocations").path("data");
        assertEquals(3, allocations.size());
        assertTrue(allocations.get(0).path("attributes").path("is_default").asBoolean());
        assertEquals("Java edition", allocations.get(0).path("attributes").path("notes").asText());
        assertEquals("[\"*\"]", byId.json().path("meta").path("user_permissions").toString());
        assertTrue(byId.json().path("meta").path("is_server_owner").asBoolean());
    }

    @Test
    void aKeyWithoutAllocationReadSeesOnlyThePrimaryWithoutNotes() {
        String id = sim.serverId("Survival SMP");
        SimHttp.Answer answer = http.as(sim.addKey("control.console")).get("/api/client/servers/" + id);
        JsonNode allocations = answer.attributes().path("relationships").path("allocations").path("data");
        assertEquals(1, allocations.size());
        assertTrue(allocations.get(0).path("attributes").path("is_default").asBoolean());
        assertTrue(allocations.get(0).path("attributes").path("notes").isNull());
        assertFalse(answer.json().path("meta").path("is_server_owner").asBoolean());
    }

    @Test
    void unknownServerIs404WithThePanelsSentence() {
        SimHttp.Answer answer = http.get("/api/client/servers/0badc0de");
        assertEquals(404, answer.status());
        assertEquals("NotFoundHttpException", answer.errorCode());
        assertEquals("The requested resource could not be found on the server.", answer.errorDetail());
    }

    @Test
    void resourcesOfARunningServerGrowTheirNetworkCounters() throws InterruptedException {
        String id = sim.serverId("FiveM Roleplay");
        JsonNode first = http.get("/api/client/servers/" + id + "/resources").attributes();
        assertEquals("running", first.path("current_state").asText());
        assertFalse(first.path("is_suspended").asBoolean());
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode later;
        do {
            Thread.sleep(50);
            later = http.get("/api/client/servers/" + id + "/resources").attributes();
        } while (later.path("resources").path("network_tx_bytes").asLong()
                <= first.path("resources").path("network_tx_bytes").asLong() && System.nanoTime() < deadline);
        assertTrue(later.path("resources").path("network_tx_bytes").asLong()
                > first.path("resources").path("network_tx_bytes").asLong());
        assertTrue(later.path("resources").path("network_rx_bytes").asLong()
                >= first.path("resources").path("network_rx_bytes").asLong());
        assertTrue(later.path("resources").path("uptime").asLong() > 0);
    }

    @Test
    void powerSignalsChangeTheStateAndAnswer204() {
        String id = sim.serverId("Creative Build");
        try {
            assertEquals("offline", http.get("/api/client/servers/" + id + "/resources").attributes()
                    .path("current_state").asText());
            assertEquals(204, http.post("/api/client/servers/" + id + "/power", "{\"signal\":\"start\"}").status());
            assertEquals("running", http.get("/api/client/servers/" + id + "/resources").attributes()
                    .path("current_state").asText());
            assertEquals(204, http.post("/api/client/servers/" + id + "/power", "{\"signal\":\"kill\"}").status());
            assertEquals(PowerState.OFFLINE, sim.powerState(id));
        } finally {
            sim.setPowerState(id, PowerState.OFFLINE);
        }
    }

    @Test
    void anUnknownPowerSignalIsAValidationError() {
        SimHttp.Answer answer = http.post("/api/client/servers/" + sim.serverId("Web Panel") + "/power", "{\"signal\":\"explode\"}");
        assertEquals(422, answer.status());
        assertEquals("signal", answer.json().path("errors").path(0).path("meta").path("source_field").asText());
    }

    @Test
    void theReadOnlyKeyMayNotSendPowerSignals() {
        SimHttp.Answer answer = http.as(sim.readOnlyKey())
                .post("/api/client/servers/" + sim.serverId("Web Panel") + "/power", "{\"signal\":\"stop\"}");
        assertEquals(403, answer.status());
        assertEquals(PowerState.RUNNING, sim.powerState("Web Panel"));
    }

    @Test
    void aSuspendedServerShowsItsViewButRefusesEverythingElseWith409() {
        String id = sim.serverId("Modded Skyblock");
        SimHttp.Answer view = http.get("/api/client/servers/" + id);
        assertEquals(200, view.status());
        assertTrue(view.attributes().path("is_suspended").asBoolean());
        assertEquals("suspended", view.attributes().path("status").asText());
        for (SimHttp.Answer refused : List.of(
                http.get(SimHttp.allocations(id)),
                http.post(SimHttp.allocations(id), "{}"),
                http.get("/api/client/servers/" + id + "/resources"),
                http.post("/api/client/servers/" + id + "/power", "{\"signal\":\"start\"}"))) {
            assertEquals(409, refused.status(), refused.toString());
            assertEquals("ServerStateConflictException", refused.errorCode());
            assertTrue(refused.errorDetail().contains("suspended"), refused.errorDetail());
        }
    }

    @Test
    void anInstallingServerIsAConflictToo() {
        String id = sim.serverId("CS2 Competitive");
        sim.setStatus(id, "installing");
        try {
            SimHttp.Answer answer = http.get(SimHttp.allocations(id));
            assertEquals(409, answer.status());
            assertTrue(answer.errorDetail().contains("installation"), answer.errorDetail());
        } finally {
            sim.setStatus(id, null);
        }
        assertEquals(200, http.get(SimHttp.allocations(id)).status());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertEquals(404, http.get("/api/client/nothing-here").status());
        assertEquals(404, http.get("/index.html").status());
        assertEquals(405, http.delete("/api/client/servers/" + sim.serverId("Web Panel") + "/resources").status());
    }
}
