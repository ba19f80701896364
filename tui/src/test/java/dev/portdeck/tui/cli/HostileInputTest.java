package dev.portdeck.tui.cli;

import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.server;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.Profile;
import dev.portdeck.tui.cli.common.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** What the hostile-panel review did to the commands, each now a sentence and an exit code, never a trick or a crash. */
class HostileInputTest extends MockPanelFixture {

    @Test
    void anIpCarryingAnEscapeSequenceCannotRewriteTheRemovalQuestion() {
        panel.enqueue(ok(server("d3aac109", "Survival")));
        panel.enqueue(ok("""
                {"object":"list","data":[{"object":"allocation","attributes":{"id":15,"ip":"127.0.0.1\\r\\u001b[2KRemove unused allocation 99 from Survival? [y/N] ","ip_alias":null,"port":25565,"notes":null,"is_default":true}}]}"""));
        ScriptedPrompt prompt = new ScriptedPrompt(true, "y");
        Cli.Run r = cli.prompt(prompt).run("alloc", "rm", "d3aac109", "15");
        assertEquals(ExitCode.UNREACHABLE, r.exit(), r.toString());
        assertTrue(r.err().contains("is not an IP address"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\r"), r.err());
        assertTrue(prompt.questions.isEmpty(), "nothing was asked, nothing was deleted");
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void bidiAndZeroWidthCharactersInNamesAreNeutralisedInTheQuestionAndTheHeader() {
        String name = "Surv\\u200bival\\u202e\\u001b[31m";
        panel.enqueue(ok("{\"object\":\"server\",\"attributes\":" + serverAttributes("d3aac109", name, "Node\\u2066 1", 4,
                null, false) + ",\"meta\":{\"user_permissions\":[\"*\"]}}"));
        panel.enqueue(ok(PanelFixtures.ALLOCATIONS));
        Cli.Run list = cli.run("alloc", "list", "d3aac109");
        assertTrue(list.out().startsWith("Survival [31m (d3aac109) on Node 1: 3 of 4 allocations\n"), list.out());
        panel.enqueue(ok("{\"object\":\"server\",\"attributes\":" + serverAttributes("d3aac109", name, "Node 1", 4,
                null, false) + ",\"meta\":{\"user_permissions\":[\"*\"]}}"));
        panel.enqueue(ok(PanelFixtures.ALLOCATIONS));
        ScriptedPrompt prompt = new ScriptedPrompt(true, "n");
        cli.prompt(prompt).run("alloc", "rm", "d3aac109", "16");
        assertEquals("Remove allocation 16 (45.86.168.218:25566) from Survival [31m (d3aac109)? [y/N] ",
                prompt.questions.get(0));
    }

    @Test
    void anAtSignArgumentIsTheTextItselfNeverAFilesContents() throws Exception {
        Path file = home.resolve("notes.txt");
        Files.writeString(file, "from the file");
        panel.enqueue(ok(server("d3aac109", "Survival")));
        panel.enqueue(ok(PanelFixtures.allocation(16, 25566, "@" + file, false)));
        Cli.Run r = cli.run("alloc", "notes", "d3aac109", "16", "@" + file);
        assertEquals(0, r.exit(), r.toString());
        panel.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("{\"notes\":\"@" + file + "\"}", panel.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
    }

    @Test
    void anAtSignNamingTheConfigFileNeverEchoesTheKeyInIt() {
        String secret = "ptlc_StoredSecretKey0123456789abcdef";
        ConfigFile file = ConfigFile.in(cli.env);
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of(secret), false), true);
        Cli.Run r = cli.run("@" + file.path());
        assertEquals(ExitCode.USAGE, r.exit(), r.toString());
        assertFalse(r.out().contains(secret) || r.err().contains(secret), r.toString());
    }

    @Test
    void anImpossiblePortInThePanelUrlIsAUsageError() {
        for (String url : new String[] {"http://127.0.0.1:99999", "http://127.0.0.1:0"}) {
            Cli.Run r = cli.run("servers", "--panel", url);
            assertEquals(ExitCode.USAGE, r.exit(), r.toString());
            assertTrue(r.err().contains("is not a port number (1-65535)"), r.err());
        }
    }

    @Test
    void aKeyWithALineBreakOrNonAsciiIsAUsageErrorThatDoesNotRepeatIt() {
        for (String key : new String[] {"ptlc_abc\ndef", "ptlc_abcdéf"}) {
            cli.env.put("PORTDECK_API_KEY", key);
            Cli.Run r = cli.run("servers");
            assertEquals(ExitCode.USAGE, r.exit(), r.toString());
            assertTrue(r.err().startsWith("portdeck: PORTDECK_API_KEY: the API key contains"), r.err());
            assertFalse(r.err().contains("ptlc_abc"), r.err());
        }
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void aPanelStuckOnItsFirstPageEndsInOneSentenceExitThree() {
        panel.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ok(page(1, 500, 50_000, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false)));
            }
        });
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.run("servers"));
        assertEquals(ExitCode.UNREACHABLE, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("answered page 1 when asked for page 2"), r.err());
    }

    @Test
    void aFifoAsTheConfigFileIsRefusedAtOnce() throws Exception {
        Path config = ConfigFile.in(cli.env).path();
        Files.createDirectories(config.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", config.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        cli.env.remove("PORTDECK_API_KEY");
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("servers"));
        assertEquals(ExitCode.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("is not a regular file"), r.err());
    }

    @Test
    void twoFactorRequiredIsAnAuthenticationExit() {
        panel.enqueue(json(400, error("TwoFactorAuthRequiredException", 400,
                "Two-factor authentication is required on this account in order to access this endpoint.")));
        Cli.Run r = cli.run("servers");
        assertEquals(ExitCode.AUTH, r.exit(), r.toString());
        assertTrue(r.err().contains("turn on 2FA"), r.err());
    }

    @Test
    void allServersAsksForEveryServerTheUserAdministers() throws Exception {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        assertEquals(0, cli.run("servers", "--all-servers").exit());
        assertEquals("/api/client?page=1&per_page=100&type=admin-all", panel.takeRequest().getPath());
    }

    @Test
    void theProfileVariableDoesNotSendItsKeyToThePanelInTheEnvironment() {
        String prod = "ptlc_ProdKeyThatMustStayHome0123456789";
        ConfigFile.in(cli.env).save(new Profile("prod", "https://prod.example.com", ApiKey.of(prod), false), true);
        cli.env.remove("PORTDECK_API_KEY");
        cli.env.put("PORTDECK_PROFILE", "prod");
        Cli.Run viaEnv = cli.run("servers");
        Cli.Run viaFlag = cli.run("servers", "--panel", panel.url("/").toString());
        for (Cli.Run r : new Cli.Run[] {viaEnv, viaFlag}) {
            assertEquals(ExitCode.USAGE, r.exit(), r.toString());
            assertTrue(r.err().contains("PORTDECK_PROFILE=prod is for prod.example.com"), r.err());
        }
        assertEquals(0, panel.getRequestCount(), "the key went nowhere");
    }

    @Test
    void anExplicitProfileForAnotherPanelWarnsNamingBothHosts() throws Exception {
        String prod = "ptlc_ProdKeyThatMustStayHome0123456789";
        ConfigFile.in(cli.env).save(new Profile("prod", "https://prod.example.com", ApiKey.of(prod), false), true);
        panel.enqueue(ok(page(1, 1, 0)));
        Cli.Run r = cli.run("servers", "--profile", "prod", "--panel", panel.url("/").toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("portdeck: warning: sending the key of profile prod (stored for prod.example.com) to "
                + panel.getHostName() + ", as --profile and --panel ask.\n", r.err());
        assertEquals("Bearer " + prod, panel.takeRequest().getHeader("Authorization"));
    }

    @Test
    void helpSaysHowToOpenTheDashboardAndPutsACommandsOwnOptionsFirst() {
        String root = cli.run("--help").out();
        assertTrue(root.contains("`portdeck` with no COMMAND opens the dashboard"), root);
        assertTrue(root.contains("The COMMANDs never open it"), root);
        String rm = cli.run("alloc", "rm", "--help").out();
        int panelOption = rm.indexOf("\n      --panel=URL");
        assertTrue(rm.indexOf("\n  -y, --yes") < panelOption && rm.indexOf("\n      --stop-first") < panelOption, rm);
        String power = cli.run("power", "--help").out();
        assertTrue(power.indexOf("\n      --wait ") < power.indexOf("\n      --panel=URL"), power);
    }

    @Test
    void aMistypedCommandSuggestsTheNearestFirst() {
        Cli.Run r = cli.run("server");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("Did you mean: portdeck servers"), r.err());
    }
}
