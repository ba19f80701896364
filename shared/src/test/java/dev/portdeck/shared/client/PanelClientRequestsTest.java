package dev.portdeck.shared.client;

import static dev.portdeck.shared.client.Fixtures.KEY;
import static dev.portdeck.shared.client.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request of the contract: method, path, headers and body as sent, and the answer as read. */
class PanelClientRequestsTest {

    MockWebServer panel;
    PanelClient client;

    @BeforeEach
    void start() throws Exception {
        panel = new MockWebServer();
        panel.start();
        URI url = URI.create(panel.url("/").toString());
        client = new PanelClient(new PanelConfig(url, ApiKey.of(KEY), Duration.ofSeconds(2), Duration.ofSeconds(5),
                false), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        panel.shutdown();
    }

    private RecordedRequest taken(String method, String path) throws InterruptedException {
        RecordedRequest r = panel.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(method, r.getMethod());
        assertEquals(path, r.getPath());
        assertEquals("Bearer " + KEY, r.getHeader("Authorization"));
        assertEquals("Application/vnd.pterodactyl.v1+json", r.getHeader("Accept"));
        assertTrue(r.getHeader("User-Agent").startsWith("portdeck/"), r.getHeader("User-Agent"));
        return r;
    }

    private static void assertJsonBody(String expected, RecordedRequest r) {
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        assertEquals(expected, r.getBody().readUtf8());
    }

    @Test
    void listingAllocationsReadsEveryFieldOfTheContractExample() throws Exception {
        panel.enqueue(ok(Fixtures.ALLOCATIONS));
        List<Allocation> list = client.allocations("d3aac109");

        RecordedRequest r = taken("GET", "/api/client/servers/d3aac109/network/allocations");
        assertEquals(0, r.getBodySize());
        assertEquals(List.of(
                new Allocation(15, "45.86.168.218", "game.example.com", 25565, "Main Minecraft server port", true),
                new Allocation(16, "45.86.168.218", "game.example.com", 25566, "Secondary port for plugins", false),
                new Allocation(17, "45.86.168.218", null, 25567, null, false)), list);
    }

    @Test
    void assigningASpecificAddressSendsIpAndPort() throws Exception {
        panel.enqueue(ok(Fixtures.allocation(18, 25568, null, false)));
        Allocation a = client.assign("d3aac109", new AssignRequest("45.86.168.218", 25568));

        assertJsonBody("{\"ip\":\"45.86.168.218\",\"port\":25568}", taken("POST",
                "/api/client/servers/d3aac109/network/allocations"));
        assertEquals(new Allocation(18, "45.86.168.218", "game.example.com", 25568, null, false), a);
        assertTrue(new AssignRequest("45.86.168.218", 25568).isSatisfiedBy(a));
    }

    @Test
    void anAutomaticAssignmentSendsAnEmptyObject() throws Exception {
        panel.enqueue(ok(Fixtures.allocation(19, 25581, null, false)));
        client.assign("d3aac109", AssignRequest.auto());
        assertJsonBody("{}", taken("POST", "/api/client/servers/d3aac109/network/allocations"));
    }

    @Test
    void aRealPanelThatIgnoresTheRequestedPortIsVisibleInTheResult() throws Exception {
        panel.enqueue(ok(Fixtures.allocation(21, 25581, null, false)));
        AssignRequest asked = new AssignRequest("45.86.168.218", 25568);
        Allocation got = client.assign("d3aac109", asked);
        assertEquals(25581, got.port());
        assertFalse(asked.isSatisfiedBy(got));
    }

    @Test
    void settingThePrimaryPostsToThePrimaryPath() throws Exception {
        panel.enqueue(ok(Fixtures.allocation(16, 25566, "Secondary port for plugins", true)));
        Allocation a = client.setPrimary("d3aac109", 16);
        RecordedRequest r = taken("POST", "/api/client/servers/d3aac109/network/allocations/16/primary");
        assertEquals("", r.getBody().readUtf8());
        assertTrue(a.primary());
    }

    @Test
    void notesAreSentAndClearingSendsAnExplicitNull() throws Exception {
        panel.enqueue(ok(Fixtures.allocation(17, 25567, "Reserved for future web interface", false)));
        panel.enqueue(ok(Fixtures.allocation(17, 25567, null, false)));

        Allocation set = client.setNotes("d3aac109", 17, "Reserved for future web interface");
        assertJsonBody("{\"notes\":\"Reserved for future web interface\"}",
                taken("POST", "/api/client/servers/d3aac109/network/allocations/17"));
        assertEquals("Reserved for future web interface", set.notes());

        Allocation cleared = client.setNotes("d3aac109", 17, null);
        assertJsonBody("{\"notes\":null}", taken("POST", "/api/client/servers/d3aac109/network/allocations/17"));
        assertNull(cleared.notes());
    }

    @Test
    void removingSendsDeleteAndAccepts204() throws Exception {
        panel.enqueue(new MockResponse().setResponseCode(204));
        client.remove("d3aac109", 18);
        RecordedRequest r = taken("DELETE", "/api/client/servers/d3aac109/network/allocations/18");
        assertEquals(0, r.getBodySize());
    }

    @Test
    void theServerDetailCarriesAllocationsLimitAndPermissions() throws Exception {
        panel.enqueue(ok(Fixtures.server("d3aac109", "Survival", 3, null, "allocation.read", "allocation.update")));
        Server s = client.server("d3aac109");
        taken("GET", "/api/client/servers/d3aac109");
        assertEquals("d3aac109", s.identifier());
        assertEquals("Survival", s.name());
        assertEquals("Node 1", s.node());
        assertEquals(3, s.allocationLimit());
        assertEquals(3, s.allocations().size());
        assertEquals(15, s.primaryAllocation().id());
        assertEquals(Set.of("allocation.read", "allocation.update"), s.permissions());
        assertTrue(s.can("allocation.update"));
        assertFalse(s.can("allocation.delete"));
    }

    @Test
    void everyPageOfTheServerListIsFetched() throws Exception {
        panel.enqueue(ok(Fixtures.serverPage(1, 3, 5, "aaaaaaa1", "aaaaaaa2")));
        panel.enqueue(ok(Fixtures.serverPage(2, 3, 5, "aaaaaaa3", "aaaaaaa4")));
        panel.enqueue(ok(Fixtures.serverPage(3, 3, 5, "aaaaaaa5")));

        List<Server> all = client.listServers();
        assertEquals(List.of("aaaaaaa1", "aaaaaaa2", "aaaaaaa3", "aaaaaaa4", "aaaaaaa5"),
                all.stream().map(Server::identifier).toList());
        taken("GET", "/api/client?page=1&per_page=100");
        taken("GET", "/api/client?page=2&per_page=100");
        taken("GET", "/api/client?page=3&per_page=100");
        assertEquals(3, all.get(0).allocations().size());
    }

    @Test
    void aServerListPageAnsweredAgainToTheByteIsTheSamePageAndOneChangedByARenameIsReadAnew() throws Exception {
        String page = Fixtures.serverPage(1, 1, 2, "aaaaaaa1", "aaaaaaa2");
        panel.enqueue(ok(page));
        panel.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        panel.enqueue(ok(page));
        panel.enqueue(ok(page.replace("srv-aaaaaaa2", "Renamed")));

        var first = client.listServers(1, 100, false);
        assertThrows(dev.portdeck.shared.error.PanelException.class, () -> client.listServers(1, 100, false));
        var again = client.listServers(1, 100, false);
        assertTrue(first == again, "the same answer is not parsed again, even after a failed read in between");
        var renamed = client.listServers(1, 100, false);
        assertEquals(List.of("srv-aaaaaaa1", "Renamed"), renamed.items().stream().map(Server::name).toList());
        assertEquals(4, panel.getRequestCount(), "every read still asks the panel");
    }

    @Test
    void aPanelThatAlwaysClaimsMorePagesIsStoppedByAnEmptyPage() throws Exception {
        panel.enqueue(ok(Fixtures.serverPage(1, 99, 500, "aaaaaaa1")));
        panel.enqueue(ok(Fixtures.serverPage(2, 99, 500)));
        assertEquals(1, client.listServers().size());
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void aPanelThatNeverStopsPagingIsCutOffAtTheHardCapInOneSentence() {
        panel.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int page = Integer.parseInt(r.getRequestUrl().queryParameter("page"));
                return ok(Fixtures.serverPage(page, Integer.MAX_VALUE, Integer.MAX_VALUE, "%08x".formatted(page)));
            }
        });
        try (PanelClient capped = new PanelClient(new PanelConfig(URI.create(panel.url("/").toString()), ApiKey.of(KEY),
                Duration.ofSeconds(2), Duration.ofSeconds(5), false), RetryPolicy.NONE, 7)) {
            NotTheApi e = assertThrows(NotTheApi.class, capped::listServers);
            assertTrue(e.getMessage().contains("claims more than 7 pages of servers"), e.getMessage());
        }
        assertEquals(7, panel.getRequestCount());
    }

    @Test
    void aPanelStuckOnTheFirstPageIsRefusedAtTheSecond() {
        panel.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return ok(Fixtures.serverPage(1, 500, 50_000, "aaaaaaa1", "aaaaaaa2"));
            }
        });
        NotTheApi e = assertThrows(NotTheApi.class, client::listServers);
        assertTrue(e.getMessage().contains("answered page 1 when asked for page 2"), e.getMessage());
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void aServerListedTwiceStopsTheListing() {
        panel.enqueue(ok(Fixtures.serverPage(1, 3, 5, "aaaaaaa1", "aaaaaaa2")));
        panel.enqueue(ok(Fixtures.serverPage(2, 3, 5, "aaaaaaa3", "aaaaaaa1")));
        NotTheApi e = assertThrows(NotTheApi.class, client::listServers);
        assertTrue(e.getMessage().contains("lists server aaaaaaa1 twice (again on page 2)"), e.getMessage());
    }

    @Test
    void allServersAsksForEveryServerTheUserAdministers() throws Exception {
        panel.enqueue(ok(Fixtures.serverPage(1, 1, 1, "aaaaaaa1")));
        try (PanelClient admin = new PanelClient(new PanelConfig(URI.create(panel.url("/").toString()), ApiKey.of(KEY),
                Duration.ofSeconds(2), Duration.ofSeconds(5), false).withAllServers(true))) {
            assertEquals(1, admin.listServers().size());
        }
        taken("GET", "/api/client?page=1&per_page=100&type=admin-all");
    }

    @Test
    void resourcesReadPowerStateAndCounters() throws Exception {
        panel.enqueue(ok("""
                {"object":"stats","attributes":{"current_state":"running","is_suspended":false,
                 "resources":{"memory_bytes":588701696,"cpu_absolute":12.5,"disk_bytes":130156361,
                 "network_rx_bytes":694220,"network_tx_bytes":337090,"uptime":3600000}}}"""));
        Resources r = client.resources("d3aac109");
        taken("GET", "/api/client/servers/d3aac109/resources");
        assertEquals(new Resources(PowerState.RUNNING, false, 588701696L, 12.5, 130156361L, 694220L, 337090L, 3600000L),
                r);
    }

    @Test
    void powerSendsTheSignalAndAccepts204() throws Exception {
        panel.enqueue(new MockResponse().setResponseCode(204));
        client.power("d3aac109", PowerSignal.STOP);
        assertJsonBody("{\"signal\":\"stop\"}", taken("POST", "/api/client/servers/d3aac109/power"));
    }

    @Test
    void aServerNameIsResolvedThroughTheListAndThenRead() throws Exception {
        panel.enqueue(ok(Fixtures.serverPage(1, 1, 2, "aaaaaaa1", "aaaaaaa2")));
        panel.enqueue(ok(Fixtures.server("aaaaaaa2", "srv-aaaaaaa2", 3, null, "*")));
        Server s = client.resolve("SRV-AAAAAAA2");
        assertEquals("aaaaaaa2", s.identifier());
        taken("GET", "/api/client?page=1&per_page=100");
        taken("GET", "/api/client/servers/aaaaaaa2");
    }

    @Test
    void aShortIdIsReadDirectly() throws Exception {
        panel.enqueue(ok(Fixtures.server("d3aac109", "Survival", 3, null, "*")));
        assertEquals("Survival", client.resolve("d3aac109").name());
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aUuidIsReadDirectly() throws Exception {
        panel.enqueue(ok(Fixtures.server("d3aac109", "Survival", 3, null, "*")));
        client.resolve("d3aac109-0000-4000-8000-000000000000");
        taken("GET", "/api/client/servers/d3aac109-0000-4000-8000-000000000000");
    }
}
