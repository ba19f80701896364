package dev.portdeck.tui.cli.panel;

import static dev.portdeck.tui.cli.PanelFixtures.ALLOCATIONS;
import static dev.portdeck.tui.cli.PanelFixtures.allocation;
import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.server;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.MockPanelFixture;
import dev.portdeck.tui.cli.ScriptedPrompt;
import dev.portdeck.tui.cli.common.ExitCode;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class AllocCommandsTest extends MockPanelFixture {

    private RecordedRequest next() throws InterruptedException {
        return panel.takeRequest(1, TimeUnit.SECONDS);
    }

    private void serverD3() {
        panel.enqueue(ok(server("d3aac109", "Survival")));
    }

    @Test
    void listShowsAnAlignedTableUnderAHeading() throws Exception {
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        Cli.Run r = cli.run("alloc", "list", "d3aac109");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                Survival (d3aac109) on Node 1: 3 of 4 allocations
                ID  IP             PORT   ALIAS             PRIMARY  NOTES
                15  45.86.168.218  25565  game.example.com  yes      Main Minecraft server port
                16  45.86.168.218  25566  game.example.com           Secondary port for plugins
                17  45.86.168.218  25567  -
                """, r.out());
        assertEquals("/api/client/servers/d3aac109", next().getPath());
        assertEquals("/api/client/servers/d3aac109/network/allocations", next().getPath());
    }

    @Test
    void listJsonIsOneArrayWithSnakeCaseFields() throws Exception {
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        Cli.Run r = cli.run("alloc", "list", "d3aac109", "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(3, doc.size());
        JsonNode first = doc.get(0);
        assertEquals(15, first.get("id").asInt());
        assertEquals("45.86.168.218", first.get("ip").asText());
        assertEquals("game.example.com", first.get("ip_alias").asText());
        assertEquals(25565, first.get("port").asInt());
        assertEquals("45.86.168.218:25565", first.get("address").asText());
        assertTrue(first.get("primary").asBoolean());
        assertTrue(doc.get(2).get("notes").isNull());
        assertEquals("", r.err());
    }

    @Test
    void aServerIsFoundByAPartOfItsName() throws Exception {
        panel.enqueue(ok(page(1, 1, 2, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false),
                serverAttributes("0be1f2a3", "Creative", "Node 1", 4, null, false))));
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        Cli.Run r = cli.run("alloc", "list", "surv");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Survival (d3aac109)"));
    }

    @Test
    void anAmbiguousNameIsAUsageErrorListingShortIds() {
        panel.enqueue(ok(page(1, 1, 2, serverAttributes("d3aac109", "Survival EU", "Node 1", 4, null, false),
                serverAttributes("0be1f2a3", "Survival US", "Node 1", 4, null, false))));
        Cli.Run r = cli.run("alloc", "list", "survival");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("portdeck: \"survival\" matches 2 servers: d3aac109 (Survival EU), 0be1f2a3 (Survival US);"
                + " name one by its short id\n", r.err());
    }

    @Test
    void anUnknownServerExitsNotFound() {
        panel.enqueue(json(404, error("NotFoundHttpException", 404, "The requested resource does not exist on this server.")));
        panel.enqueue(ok(page(1, 1, 0)));
        Cli.Run r = cli.run("alloc", "list", "deadbeef");
        assertEquals(ExitCode.NOT_FOUND, r.exit());
        assertTrue(r.err().startsWith("portdeck: Server deadbeef was not found on http://"), r.err());
    }

    @Test
    void addingWhatWasAskedForSucceeds() throws Exception {
        serverD3();
        panel.enqueue(ok(allocation(18, 25568, null, false)));
        Cli.Run r = cli.run("alloc", "add", "d3aac109", "--ip", "45.86.168.218", "--port", "25568");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("added 45.86.168.218:25568 (allocation 18) to Survival (d3aac109)"), r.out());
        next();
        assertEquals("{\"ip\":\"45.86.168.218\",\"port\":25568}", next().getBody().readUtf8());
    }

    @Test
    void aPanelThatOnlyAutoAssignsIsSaidPlainlyWithExitCode5() throws Exception {
        serverD3();
        panel.enqueue(ok(allocation(21, 25581, null, false)));
        Cli.Run r = cli.run("alloc", "add", "d3aac109", "--ip", "45.86.168.218", "--port", "25568");
        assertEquals(ExitCode.NOT_AS_REQUESTED, r.exit());
        assertTrue(r.err().startsWith("portdeck: asked for 45.86.168.218:25568, the panel assigned 45.86.168.218:25581"
                + " — this panel only auto-assigns"), r.err());
        assertTrue(r.out().startsWith("added 45.86.168.218:25581 (allocation 21)"), r.out());
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void exactReleasesTheUnwantedAllocation() throws Exception {
        serverD3();
        panel.enqueue(ok(allocation(21, 25581, null, false)));
        panel.enqueue(new MockResponse().setResponseCode(204));
        Cli.Run r = cli.run("alloc", "add", "d3aac109", "--port", "25568", "--exact", "--json");
        assertEquals(ExitCode.NOT_AS_REQUESTED, r.exit());
        assertTrue(r.err().contains("asked for port 25568, the panel assigned 45.86.168.218:25581"), r.err());
        assertTrue(r.err().contains("released allocation 21 again"), r.err());
        next();
        next();
        RecordedRequest delete = next();
        assertEquals("DELETE", delete.getMethod());
        assertEquals("/api/client/servers/d3aac109/network/allocations/21", delete.getPath());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(false, doc.get("as_requested").asBoolean());
        assertEquals(true, doc.get("released").asBoolean());
        assertEquals(25568, doc.get("requested").get("port").asInt());
        assertEquals(21, doc.get("allocation").get("id").asInt());
    }

    @Test
    void exactWhoseReleaseFailsNamesTheAllocationLeftBehind() {
        serverD3();
        panel.enqueue(ok(allocation(21, 25581, null, false)));
        panel.enqueue(json(400, error("DisplayException", 400,
                "You cannot delete allocations for this server: no allocation limit is set.")));
        Cli.Run r = cli.run("alloc", "add", "d3aac109", "--port", "25568", "--exact");
        assertEquals(ExitCode.NOT_AS_REQUESTED, r.exit());
        assertTrue(r.err().contains("releasing it again failed (You cannot delete allocations for this server: no"
                + " allocation limit is set.), so allocation 21 (45.86.168.218:25581) is still assigned to d3aac109"),
                r.err());
    }

    @Test
    void theLimitRefusalShowsThePanelsSentenceAndExits1() {
        serverD3();
        panel.enqueue(json(400, error("DisplayException", 400,
                "Cannot assign additional allocations to this server: limit has been reached.")));
        Cli.Run r = cli.run("alloc", "add", "d3aac109");
        assertEquals(ExitCode.FAILURE, r.exit());
        assertEquals("portdeck: Cannot assign additional allocations to this server: limit has been reached.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBadPortOrIpIsRefusedBeforeAnythingIsSent() {
        assertEquals(ExitCode.USAGE, cli.run("alloc", "add", "d3aac109", "--port", "70000").exit());
        Cli.Run ip = cli.run("alloc", "add", "d3aac109", "--ip", "game.example.com");
        assertEquals(ExitCode.USAGE, ip.exit());
        assertTrue(ip.err().contains("not an IPv4 or IPv6 address"), ip.err());
        assertEquals(ExitCode.USAGE, cli.run("alloc", "add", "d3aac109", "--port", "many").exit());
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void primaryPostsAndSaysRestart() throws Exception {
        serverD3();
        panel.enqueue(ok(allocation(16, 25566, null, true)));
        Cli.Run r = cli.run("alloc", "primary", "d3aac109", "16");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("45.86.168.218:25566 (allocation 16) is now the primary of Survival (d3aac109); restart the"
                + " server for it to take effect\n", r.out());
        next();
        assertEquals("/api/client/servers/d3aac109/network/allocations/16/primary", next().getPath());
    }

    @Test
    void primaryOfARunningServerShowsTheContractsRefusalAndTheWayAround() {
        serverD3();
        panel.enqueue(json(400, error("ConflictingServerStateException", 400,
                "Server must be stopped to change the primary allocation.")));
        Cli.Run r = cli.run("alloc", "primary", "d3aac109", "16");
        assertEquals(ExitCode.FAILURE, r.exit());
        assertEquals("portdeck: Server must be stopped to change the primary allocation (pass --stop-first to stop it,"
                + " make the change and start it again)\n", r.err());
    }

    @Test
    void notesAreSetAndClearedWithAnExplicitNull() throws Exception {
        serverD3();
        panel.enqueue(ok(allocation(17, 25567, "web", false)));
        assertEquals(0, cli.run("alloc", "notes", "d3aac109", "17", "web").exit());
        next();
        assertEquals("{\"notes\":\"web\"}", next().getBody().readUtf8());

        serverD3();
        panel.enqueue(ok(allocation(17, 25567, null, false)));
        Cli.Run r = cli.run("alloc", "notes", "d3aac109", "17", "--clear");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("cleared the notes of 45.86.168.218:25567 (allocation 17)\n", r.out());
        next();
        assertEquals("{\"notes\":null}", next().getBody().readUtf8());
    }

    @Test
    void notesTooLongOrMissingAreUsageErrors() {
        Cli.Run tooLong = cli.run("alloc", "notes", "d3aac109", "17", "x".repeat(256));
        assertEquals(ExitCode.USAGE, cli.run("alloc", "notes", "d3aac109", "17").exit());
        assertEquals(ExitCode.USAGE, cli.run("alloc", "notes", "d3aac109", "17", "x", "--clear").exit());
        assertTrue(tooLong.err().contains("at most 255 characters"), tooLong.err());
        assertEquals(ExitCode.USAGE, tooLong.exit());
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void rmWithYesDeletesWithoutAsking() throws Exception {
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        panel.enqueue(new MockResponse().setResponseCode(204));
        Cli.Run r = cli.run("alloc", "rm", "d3aac109", "17", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("removed allocation 17 (45.86.168.218:25567) from Survival (d3aac109)\n", r.out());
        next();
        next();
        RecordedRequest delete = next();
        assertEquals("DELETE", delete.getMethod());
        assertEquals("/api/client/servers/d3aac109/network/allocations/17", delete.getPath());
    }

    @Test
    void rmWithoutATerminalAndWithoutYesRefusesBeforeSending() {
        Cli.Run r = cli.run("alloc", "rm", "d3aac109", "17");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("pass --yes"), r.err());
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void rmOnATerminalDefaultsToNo() {
        ScriptedPrompt prompt = new ScriptedPrompt(true, "");
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        Cli.Run r = cli.prompt(prompt).run("alloc", "rm", "d3aac109", "15");
        assertEquals(ExitCode.FAILURE, r.exit());
        assertEquals("Remove the PRIMARY allocation 15 (45.86.168.218:25565) from Survival (d3aac109)? [y/N] ",
                prompt.questions.get(0));
        assertEquals("portdeck: not removed.\n", r.err());
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void rmOnATerminalAnsweredYesDeletes() {
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        panel.enqueue(new MockResponse().setResponseCode(204));
        Cli.Run r = cli.prompt(new ScriptedPrompt(true, "y")).run("alloc", "rm", "d3aac109", "16");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, panel.getRequestCount());
    }

    @Test
    void rmOfTheLastPrimaryOnPterodactylShowsItsReason() {
        serverD3();
        panel.enqueue(ok(ALLOCATIONS));
        panel.enqueue(json(400, error("DisplayException", 400, "You cannot delete the primary allocation for this server.")));
        Cli.Run r = cli.run("alloc", "rm", "d3aac109", "15", "--yes");
        assertEquals(ExitCode.FAILURE, r.exit());
        assertEquals("portdeck: You cannot delete the primary allocation for this server.\n", r.err());
    }

    @Test
    void aMissingPermissionExitsWithTheAuthCodeNamingIt() {
        serverD3();
        panel.enqueue(json(403, error("InsufficientPermissionsException", 403, "This action is unauthorized.")));
        Cli.Run r = cli.run("alloc", "list", "d3aac109");
        assertEquals(ExitCode.AUTH, r.exit());
        assertTrue(r.err().contains("lacks the allocation.read permission"), r.err());
    }

    @Test
    void picocliUsageErrorsExit2WithAHint() {
        Cli.Run unknown = cli.run("alloc", "list", "d3aac109", "--colour");
        assertEquals(ExitCode.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--colour'"), unknown.err());
        assertTrue(unknown.err().contains("Try `portdeck alloc list --help`"), unknown.err());
        assertEquals(ExitCode.USAGE, cli.run("alloc", "primary", "d3aac109").exit());
        assertEquals(ExitCode.USAGE, cli.run("alloc", "primary", "d3aac109", "sixteen").exit());
        assertEquals(ExitCode.USAGE, cli.run("alloc").exit());
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void anApplicationKeyIsWarnedAboutBeforeSending() {
        cli.env.put("PORTDECK_API_KEY", "ptla_applicationKey123");
        panel.enqueue(json(403, error("AccessDeniedHttpException", 403,
                "You are attempting to use an application API key on an endpoint that requires a client API key.")));
        Cli.Run r = cli.run("alloc", "list", "d3aac109");
        assertEquals(ExitCode.AUTH, r.exit());
        assertTrue(r.err().startsWith("portdeck: warning: this is an application API key"), r.err());
        assertTrue(r.err().contains("create a client key (ptlc_/pacc_)"), r.err());
    }
}
