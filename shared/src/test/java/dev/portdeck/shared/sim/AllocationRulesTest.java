package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The five allocation endpoints and their rules, per flavor, as panel-compatibility.md describes them.
 * World: node n1 (127.0.0.2, pool 30001-30003); "Alpha" stopped, limit 4, ports 25565 (primary) + 25575;
 * "Beta" running, limit 2, port 27015.
 */
class AllocationRulesTest {

    private PanelSimulator sim;
    private SimHttp http;
    private String alpha;
    private String beta;

    private void start(Flavor flavor) {
        start(flavor, world(List.of(30001, 30002, 30003)));
    }

    private void start(Flavor flavor, DemoWorld world) {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withWorld(world)
                .withDemoListeners(false).withCreationLimit(RateLimit.OFF));
        sim.setAutoAllocationEnabled(true); // off on a stock panel: these rules are for one whose admin enabled it
        http = new SimHttp(sim, sim.clientKey());
        alpha = sim.serverId("Alpha");
        beta = sim.serverId("Beta");
    }

    static DemoWorld world(List<Integer> pool) {
        return DemoWorld.builder()
                .node("n1", "127.0.0.2", "n1.portdeck.test", pool)
                .server(new DemoWorld.ServerSpec("Alpha", "n1", "", 4, PowerState.OFFLINE, false, List.of(
                        new DemoWorld.Port(25565, "Game", true), new DemoWorld.Port(25575, "RCON", false)), 1000))
                .server(new DemoWorld.ServerSpec("Beta", "n1", "", 2, PowerState.RUNNING, false,
                        List.of(new DemoWorld.Port(27015, null, true)), 1000))
                .build();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private long idOf(String server, int port) {
        return sim.server(server).allocations().stream().filter(a -> a.port() == port).findFirst().orElseThrow().id();
    }

    private String allocation(String server, long id) {
        return SimHttp.allocations(server) + "/" + id;
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void listingShowsTheServersAllocationsWithThePrimaryMarked(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.get(SimHttp.allocations(alpha));
        assertEquals(200, answer.status());
        assertEquals("list", answer.json().path("object").asText());
        JsonNode data = answer.json().path("data");
        assertEquals(2, data.size());
        JsonNode first = data.get(0).path("attributes");
        assertEquals("allocation", data.get(0).path("object").asText());
        assertEquals("127.0.0.2", first.path("ip").asText());
        assertEquals("n1.portdeck.test", first.path("ip_alias").asText());
        assertEquals(25565, first.path("port").asInt());
        assertEquals("Game", first.path("notes").asText());
        assertTrue(first.path("is_default").asBoolean());
        assertFalse(data.get(1).path("attributes").path("is_default").asBoolean());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void autoAssignTakesAFreePoolRowWhichLeavesThePool(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.post(SimHttp.allocations(alpha), "{}");
        assertEquals(200, answer.status(), answer.toString());
        int port = answer.attributes().path("port").asInt();
        assertTrue(List.of(30001, 30002, 30003).contains(port), "from the pool: " + port);
        assertTrue(answer.attributes().path("notes").isNull());
        assertFalse(answer.attributes().path("is_default").asBoolean());
        assertEquals(2, sim.freeAllocations("n1").size());
        assertTrue(sim.freeAllocations("n1").stream().noneMatch(a -> a.port() == port));
        assertEquals(3, sim.server(alpha).allocations().size());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theLimitCountsThePrimary(Flavor flavor) {
        start(flavor);
        assertEquals(200, http.post(SimHttp.allocations(beta), "{}").status()); // 1 of 2 was the primary
        SimHttp.Answer refused = http.post(SimHttp.allocations(beta), "{}");
        assertEquals(400, refused.status());
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals("TooManyAllocationsException", refused.errorCode());
            assertEquals("This server has reached its allocation limit.", refused.errorDetail());
        } else {
            assertEquals("DisplayException", refused.errorCode());
            assertEquals("Cannot assign additional allocations to this server: limit has been reached.",
                    refused.errorDetail());
        }
        assertEquals(2, sim.server(beta).allocations().size());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aRequestedPortIsHonouredOnlyByTheDocumentedContract(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.post(SimHttp.allocations(alpha), "{\"ip\":\"127.0.0.2\",\"port\":30003}");
        assertEquals(200, answer.status());
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(30003, answer.attributes().path("port").asInt());
        }
        // A port outside the pool: the contract refuses it, real panels ignore the body and auto-assign.
        SimHttp.Answer outside = http.post(SimHttp.allocations(alpha), "{\"port\":31999}");
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(409, outside.status());
            assertEquals("AllocationNotAvailableException", outside.errorCode());
            assertEquals("The requested allocation is not available or already in use.", outside.errorDetail());
        } else {
            assertEquals(200, outside.status());
            assertNotEquals(31999, outside.attributes().path("port").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anAddressTakenByAnotherServerIsNotAvailable(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.post(SimHttp.allocations(alpha), "{\"ip\":\"127.0.0.2\",\"port\":27015}");
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(409, answer.status());
            assertEquals("AllocationNotAvailableException", answer.errorCode());
            assertEquals(1, sim.server(beta).allocations().size());
        } else {
            assertEquals(200, answer.status());
            assertNotEquals(27015, answer.attributes().path("port").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMalformedPortIsAValidationErrorOnlyWhereTheBodyIsRead(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.post(SimHttp.allocations(alpha), "{\"port\":70000}");
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(422, answer.status());
            assertEquals("port", answer.json().path("errors").path(0).path("meta").path("source_field").asText());
        } else {
            assertEquals(200, answer.status());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anEmptyPoolIsRefusedWithTheFlavorsError(Flavor flavor) {
        start(flavor, world(List.of()));
        SimHttp.Answer refused = http.post(SimHttp.allocations(alpha), "{}");
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(503, refused.status());
            assertEquals("NoAvailableAllocationsException", refused.errorCode());
            assertEquals("No available allocations found on this node.", refused.errorDetail());
        } else {
            assertEquals(400, refused.status());
            assertEquals("NoAutoAllocationSpaceAvailableException", refused.errorCode());
            assertEquals("Cannot assign additional allocation: no more space available on node.", refused.errorDetail());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void realPanelsPickARandomFreePortTheContractTheFirstOne(Flavor flavor) {
        start(flavor);
        Set<Integer> ports = new TreeSet<>();
        for (int i = 0; i < 30; i++) { // 3 candidates: 30 equal random picks would have odds of 3 in 3^30
            SimHttp.Answer added = http.post(SimHttp.allocations(alpha), "{}");
            ports.add(added.attributes().path("port").asInt());
            assertEquals(204, http.delete(allocation(alpha, added.attributes().path("id").asLong())).status());
        }
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(Set.of(30001), ports, "the next free port, every time");
        } else {
            assertTrue(ports.size() > 1, "always the same port: " + ports);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"PTERODACTYL", "PELICAN"})
    void realPanelsAutoAssignOnlyOnThePrimarysIp(Flavor flavor) {
        DemoWorld twoIps = DemoWorld.builder()
                .node("n1", "127.0.0.2", null, List.of())
                .node("n1", "127.0.0.4", null, List.of(30001))
                .server("Alpha", "n1", 3, 25565)
                .server("Beta", "n1", 3, 27015)
                .build();
        start(flavor, twoIps);
        SimHttp.Answer refused = http.post(SimHttp.allocations(alpha), "{}");
        assertEquals(400, refused.status());
        assertEquals("NoAutoAllocationSpaceAvailableException", refused.errorCode());
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"PTERODACTYL", "PELICAN"})
    void aStockRealPanelRefusesClientAllocations(Flavor flavor) {
        sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withWorld(world(List.of(30001)))
                .withDemoListeners(false).withCreationLimit(RateLimit.OFF));
        http = new SimHttp(sim, sim.clientKey());
        alpha = sim.serverId("Alpha");
        SimHttp.Answer refused = http.post(SimHttp.allocations(alpha), "{}");
        assertEquals(400, refused.status());
        assertEquals("AutoAllocationNotEnabledException", refused.errorCode());
        assertEquals("Server auto-allocation is not enabled for this instance.", refused.errorDetail());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deletingThePrimaryIsRefusedExceptOnPelican(Flavor flavor) {
        start(flavor);
        long primary = idOf(alpha, 25565);
        SimHttp.Answer answer = http.delete(allocation(alpha, primary));
        switch (flavor) {
            case DOCUMENTED -> {
                assertEquals(400, answer.status());
                assertEquals("CannotDeletePrimaryAllocationException", answer.errorCode());
                assertEquals("Cannot remove the primary allocation. Set another allocation as primary first.",
                        answer.errorDetail());
            }
            case PTERODACTYL -> {
                assertEquals(400, answer.status());
                assertEquals("DisplayException", answer.errorCode());
                assertEquals("You cannot delete the primary allocation for this server.", answer.errorDetail());
            }
            case PELICAN -> {
                assertEquals(204, answer.status());
                assertNull(sim.server(alpha).primaryAllocation());
                // The server still points at the released row: a new row does not become primary (only that very
                // row would show as primary again if the random pick handed it back). Two picks: one is new.
                for (int i = 0; i < 2; i++) {
                    SimHttp.Answer next = http.post(SimHttp.allocations(alpha), "{}");
                    assertEquals(200, next.status());
                    assertEquals(next.attributes().path("id").asLong() == primary,
                            next.attributes().path("is_default").asBoolean(), next.toString());
                }
                long rcon = idOf(alpha, 25575);
                assertEquals(200, http.post(allocation(alpha, rcon) + "/primary", null).status());
                assertEquals(rcon, sim.server(alpha).primaryAllocation().id());
                assertEquals(1, sim.server(alpha).allocations().stream().filter(Allocation::primary).count());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void onlyTheDocumentedContractRequiresAStoppedServer(Flavor flavor) {
        start(flavor);
        SimHttp.Answer added = http.post(SimHttp.allocations(beta), "{}");
        long extra = added.attributes().path("id").asLong();
        SimHttp.Answer primary = http.post(allocation(beta, extra) + "/primary", null);
        SimHttp.Answer removed = http.delete(allocation(beta, idOf(beta, 27015)));
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals(400, primary.status());
            assertEquals("ConflictingServerStateException", primary.errorCode());
            assertEquals("Server must be stopped to change the primary allocation.", primary.errorDetail());
            assertEquals(400, removed.status());
            assertEquals("Server must be stopped to remove allocations.", removed.errorDetail());
            sim.setPowerState(beta, PowerState.OFFLINE);
            assertEquals(200, http.post(allocation(beta, extra) + "/primary", null).status());
        } else {
            assertEquals(200, primary.status());
            assertEquals(204, removed.status()); // 27015 was no longer the primary
        }
        assertEquals(extra, sim.server(beta).primaryAllocation().id());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void settingThePrimaryMovesTheFlag(Flavor flavor) {
        start(flavor);
        long rcon = idOf(alpha, 25575);
        SimHttp.Answer answer = http.post(allocation(alpha, rcon) + "/primary", null);
        assertEquals(200, answer.status());
        assertTrue(answer.attributes().path("is_default").asBoolean());
        assertEquals(25575, answer.attributes().path("port").asInt());
        Server after = sim.server(alpha);
        assertEquals(rcon, after.primaryAllocation().id());
        assertEquals(1, after.allocations().stream().filter(Allocation::primary).count());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deletingKeepsTheRowUnassignedWithoutNotesBackInThePool(Flavor flavor) {
        start(flavor);
        long rcon = idOf(alpha, 25575);
        assertEquals(204, http.delete(allocation(alpha, rcon)).status());
        assertEquals(1, sim.server(alpha).allocations().size());
        Allocation freed = sim.freeAllocations("n1").stream().filter(a -> a.id() == rcon).findFirst().orElseThrow();
        assertNull(freed.notes());
        assertEquals(25575, freed.port());
        assertEquals(404, http.delete(allocation(alpha, rcon)).status());
        if (flavor == Flavor.DOCUMENTED) {
            SimHttp.Answer again = http.post(SimHttp.allocations(beta), "{\"port\":25575}");
            assertEquals(rcon, again.attributes().path("id").asLong());
            assertTrue(again.attributes().path("notes").isNull());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"PTERODACTYL", "PELICAN"})
    void realPanelsRefuseDeletesWhenNoLimitIsSet(Flavor flavor) {
        start(flavor);
        sim.setAllocationLimit(alpha, 0);
        SimHttp.Answer answer = http.delete(allocation(alpha, idOf(alpha, 25575)));
        assertEquals(400, answer.status());
        assertEquals("You cannot delete allocations for this server: no allocation limit is set.", answer.errorDetail());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void allocationsOfAnotherServerAndUnknownIdsAre404(Flavor flavor) {
        start(flavor);
        long betas = idOf(beta, 27015);
        for (SimHttp.Answer answer : List.of(
                http.post(allocation(alpha, betas), "{\"notes\":\"x\"}"),
                http.post(allocation(alpha, betas) + "/primary", null),
                http.delete(allocation(alpha, betas)),
                http.delete(allocation(alpha, 99999)),
                http.delete(SimHttp.allocations(alpha) + "/not-a-number"))) {
            assertEquals(404, answer.status(), answer.toString());
            assertEquals("The requested resource could not be found on the server.", answer.errorDetail());
        }
        assertEquals(1, sim.server(beta).allocations().size());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void notesAreLimitedPerFlavor(Flavor flavor) {
        start(flavor);
        long rcon = idOf(alpha, 25575);
        int max = flavor == Flavor.DOCUMENTED ? 255 : 256;
        SimHttp.Answer fits = http.post(allocation(alpha, rcon), "{\"notes\":\"" + "n".repeat(max) + "\"}");
        assertEquals(200, fits.status());
        assertEquals(max, fits.attributes().path("notes").asText().length());
        SimHttp.Answer tooLong = http.post(allocation(alpha, rcon), "{\"notes\":\"" + "n".repeat(max + 1) + "\"}");
        assertEquals(422, tooLong.status());
        assertEquals("ValidationException", tooLong.errorCode());
        assertEquals("The notes must not be greater than " + max + " characters.", tooLong.errorDetail());
        JsonNode meta = tooLong.json().path("errors").path(0).path("meta");
        assertEquals("notes", meta.path("source_field").asText());
        assertEquals("max", meta.path("rule").asText());
        assertEquals(max, sim.server(alpha).allocations().get(1).notes().length(), "the refused note changed nothing");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingNotesKeyIsRefusedByBothRealPanels(Flavor flavor) {
        start(flavor);
        long game = idOf(alpha, 25565);
        SimHttp.Answer answer = http.post(allocation(alpha, game), "{}");
        if (flavor != Flavor.DOCUMENTED) {
            assertEquals(422, answer.status());
            assertEquals("The notes field must be present.", answer.errorDetail());
            assertEquals("present", answer.json().path("errors").path(0).path("meta").path("rule").asText());
            assertEquals("Game", sim.server(alpha).allocations().get(0).notes());
        } else {
            assertEquals(200, answer.status());
            assertNull(sim.server(alpha).allocations().get(0).notes());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void nullOrEmptyNotesClearAndTextIsKept(Flavor flavor) {
        start(flavor);
        long game = idOf(alpha, 25565);
        SimHttp.Answer set = http.post(allocation(alpha, game), "{\"notes\":\"Survival – main port ✓\"}");
        assertEquals("Survival – main port ✓", set.attributes().path("notes").asText());
        assertTrue(set.attributes().path("is_default").asBoolean());
        assertTrue(http.post(allocation(alpha, game), "{\"notes\":\"\"}").attributes().path("notes").isNull());
        http.post(allocation(alpha, game), "{\"notes\":\"x\"}");
        assertTrue(http.post(allocation(alpha, game), "{\"notes\":null}").attributes().path("notes").isNull());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void realPanelsTrimNotesAndStoreBlankOnesAsNull(Flavor flavor) {
        start(flavor);
        long game = idOf(alpha, 25565);
        SimHttp.Answer padded = http.post(allocation(alpha, game), "{\"notes\":\"  Game port \\t\"}");
        SimHttp.Answer blank = http.post(allocation(alpha, idOf(alpha, 25575)), "{\"notes\":\"   \"}");
        if (flavor == Flavor.DOCUMENTED) {
            assertEquals("  Game port \t", padded.attributes().path("notes").asText());
            assertEquals("   ", blank.attributes().path("notes").asText());
        } else {
            assertEquals("Game port", padded.attributes().path("notes").asText());
            assertTrue(blank.attributes().path("notes").isNull(), blank.toString());
            SimHttp.Answer long256 = http.post(allocation(alpha, game), "{\"notes\":\" " + "n".repeat(256) + " \"}");
            assertEquals(200, long256.status(), "the length is checked after trimming");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingAllocationIs404EvenOnASuspendedServer(Flavor flavor) {
        start(flavor);
        sim.setSuspended(alpha, true);
        assertEquals(404, http.delete(allocation(alpha, 99999)).status(), "404 before 409");
        assertEquals(409, http.delete(allocation(alpha, idOf(alpha, 25575))).status());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void eachMissingPermissionIs403AndChangesNothing(Flavor flavor) {
        start(flavor);
        SimHttp readOnly = http.as(sim.readOnlyKey());
        long rcon = idOf(alpha, 25575);
        assertEquals(200, readOnly.get(SimHttp.allocations(alpha)).status());
        for (SimHttp.Answer answer : List.of(
                readOnly.post(SimHttp.allocations(alpha), "{}"),
                readOnly.post(allocation(alpha, rcon), "{\"notes\":\"x\"}"),
                readOnly.post(allocation(alpha, rcon) + "/primary", null),
                readOnly.delete(allocation(alpha, rcon)),
                http.as(sim.subuserKey()).delete(allocation(alpha, rcon)))) {
            assertEquals(403, answer.status(), answer.toString());
            assertEquals(flavor == Flavor.DOCUMENTED ? "InsufficientPermissionsException" : "AccessDeniedHttpException",
                    answer.errorCode());
        }
        Server after = sim.server(alpha);
        assertEquals(2, after.allocations().size());
        assertEquals("RCON", after.allocations().get(1).notes());
        assertEquals(25565, after.primaryAllocation().port());
        assertEquals(200, http.as(sim.subuserKey()).post(SimHttp.allocations(alpha), "{}").status());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theDocumentedPermissionErrorNamesThePermission(Flavor flavor) {
        start(flavor);
        SimHttp.Answer answer = http.as(sim.readOnlyKey()).post(SimHttp.allocations(alpha), "{}");
        if (flavor == Flavor.DOCUMENTED) {
            assertTrue(answer.errorDetail().contains("allocation.create"), answer.errorDetail());
        } else {
            assertEquals("This action is unauthorized.", answer.errorDetail());
        }
    }
}
