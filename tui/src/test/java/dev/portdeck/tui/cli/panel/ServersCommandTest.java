package dev.portdeck.tui.cli.panel;

import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.MockPanelFixture;
import dev.portdeck.tui.cli.common.ExitCode;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ServersCommandTest extends MockPanelFixture {

    private void twoPages() {
        panel.enqueue(ok(page(1, 2, 3,
                serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false),
                serverAttributes("0be1f2a3", "Creative build world", "fra-2", 3, "installing", false))));
        panel.enqueue(ok(page(2, 2, 3, serverAttributes("77aa88bb", "Old lobby", "Node 1", 1, null, true))));
    }

    @Test
    void listsEveryServerOfEveryPageAsAnAlignedTable() throws Exception {
        twoPages();
        Cli.Run r = cli.run("servers");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                ID        NAME                  NODE    ALLOCATIONS  STATUS
                d3aac109  Survival              Node 1  3/4          ok
                0be1f2a3  Creative build world  fra-2   3/3          installing
                77aa88bb  Old lobby             Node 1  3/1          suspended
                """, r.out());
        assertEquals("", r.err());
        assertEquals("/api/client?page=1&per_page=100", panel.takeRequest(1, TimeUnit.SECONDS).getPath());
        assertEquals("/api/client?page=2&per_page=100", panel.takeRequest(1, TimeUnit.SECONDS).getPath());
    }

    @Test
    void jsonIsOneArrayWithStableSnakeCaseFields() throws Exception {
        twoPages();
        Cli.Run r = cli.run("servers", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(3, doc.size());
        JsonNode first = doc.get(0);
        assertEquals("d3aac109", first.get("id").asText());
        assertEquals("d3aac109-0000-4000-8000-000000000000", first.get("uuid").asText());
        assertEquals("Survival", first.get("name").asText());
        assertEquals("Node 1", first.get("node").asText());
        assertTrue(first.get("status").isNull());
        assertEquals(false, first.get("suspended").asBoolean());
        assertEquals(3, first.get("allocations").asInt());
        assertEquals(4, first.get("allocation_limit").asInt());
        assertEquals("installing", doc.get(1).get("status").asText());
    }

    @Test
    void stateAsksEachServersResourcesConcurrently() {
        panel.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/api/client?")) {
                    return ok(page(1, 1, 3, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false),
                            serverAttributes("0be1f2a3", "Creative", "Node 1", 3, null, false),
                            serverAttributes("77aa88bb", "Old lobby", "Node 1", 3, null, true)));
                }
                if (path.equals("/api/client/servers/d3aac109/resources")) {
                    return ok("{\"object\":\"stats\",\"attributes\":{\"current_state\":\"running\",\"is_suspended\":false,"
                            + "\"resources\":{}}}");
                }
                return json(500, error("HttpException", 500, "Could not reach the node."));
            }
        });
        Cli.Run r = cli.run("servers", "--state");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("d3aac109  Survival   Node 1  3/4          ok         running"), r.out());
        assertTrue(r.out().contains("0be1f2a3  Creative   Node 1  3/3          ok         ?"), r.out());
        assertTrue(r.out().contains("77aa88bb  Old lobby  Node 1  3/3          suspended  -"), r.out());
        assertTrue(r.err().contains("no power state for 0be1f2a3"), r.err());
        assertEquals(3, panel.getRequestCount(), "one list, two resources; none for the suspended server");
    }

    @Test
    void stateRequestsRunConcurrentlyButAtMostFourAtOnce() {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        String[] servers = new String[12];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = serverAttributes(String.format("%08x", i), "srv" + i, "Node 1", 1, null, false);
        }
        panel.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().startsWith("/api/client?")) {
                    return ok(page(1, 1, servers.length, servers));
                }
                int now = inFlight.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (most.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5); // hold until a second request proves they overlap
                }
                Thread.sleep(20);
                inFlight.decrementAndGet();
                return ok("{\"object\":\"stats\",\"attributes\":{\"current_state\":\"offline\",\"resources\":{}}}");
            }
        });
        Cli.Run r = cli.run("servers", "--state", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(most.get() >= 2 && most.get() <= ServersCommand.STATE_POOL, "most in flight: " + most.get());
        assertEquals(1 + servers.length, panel.getRequestCount());
    }

    @Test
    void withoutAnyPanelItSaysHowToConfigureOne() {
        Cli bare = new Cli(home);
        Cli.Run r = bare.run("servers");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no panel is configured: run `portdeck login --panel"), r.err());
    }

    @Test
    void aRejectedKeyExitsWithTheAuthCode() {
        panel.enqueue(json(401, error("InvalidCredentialsException", 401, "Unauthenticated.")));
        Cli.Run r = cli.run("servers");
        assertEquals(ExitCode.AUTH, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("portdeck: the panel at http://"), r.err());
        assertTrue(r.err().contains("rejected the API key"), r.err());
    }

    @Test
    void aProxysHtmlPageExitsUnreachableInOneSentence() {
        panel.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        Cli.Run r = cli.run("servers");
        assertEquals(ExitCode.UNREACHABLE, r.exit());
        assertEquals("portdeck: the panel answered HTTP 502 with an HTML page, not the API\n", r.err());
    }

    @Test
    void verboseAddsTheRequestLogAndTheStackTrace() {
        panel.enqueue(new MockResponse().setResponseCode(502).setBody(""));
        Cli.Run r = cli.run("servers", "--verbose");
        assertEquals(ExitCode.UNREACHABLE, r.exit());
        assertTrue(r.err().contains("portdeck.client: GET /api/client?page=1&per_page=100 502"), r.err());
        assertTrue(r.err().contains("at dev.portdeck"), r.err());
    }

    @Test
    void anUnreachablePanelNamesItsUrl() throws Exception {
        String url = panel.url("/").toString();
        panel.shutdown();
        Cli.Run r = cli.run("servers");
        assertEquals(ExitCode.UNREACHABLE, r.exit());
        assertTrue(r.err().startsWith("portdeck: cannot connect to the panel at " + url.replaceAll("/$", "")), r.err());
    }

    @Test
    void thePanelFlagBeforeTheSubcommandIsUsed() {
        twoPages();
        cli.env.remove("PORTDECK_PANEL_URL");
        Cli.Run r = cli.run("--panel", panel.url("/").toString(), "servers", "--json");
        assertEquals(0, r.exit(), r.toString());
    }
}
