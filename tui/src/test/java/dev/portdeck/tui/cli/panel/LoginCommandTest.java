package dev.portdeck.tui.cli.panel;

import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.ScriptedPrompt;
import dev.portdeck.tui.cli.common.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

    @TempDir
    Path xdg;
    MockWebServer panel;
    String url;
    Path configFile;

    @BeforeEach
    void start() throws Exception {
        panel = new MockWebServer();
        panel.start();
        url = panel.url("/").toString().replaceAll("/$", "");
        configFile = xdg.resolve("portdeck/config.properties");
    }

    @AfterEach
    void stop() throws Exception {
        panel.shutdown();
    }

    private Cli.Run login(String key, String... args) {
        Cli cli = new Cli(xdg).prompt(key == null ? new ScriptedPrompt(false) : new ScriptedPrompt(false, key));
        String[] all = new String[args.length + 1];
        all[0] = "login";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.run(all);
    }

    @Test
    void loginChecksTheKeyThenWritesA0600ProfileThatLaterCommandsUse() throws Exception {
        panel.enqueue(ok(page(1, 3, 3, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        Cli.Run r = login(Cli.KEY, "--panel", url);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("saved profile \"default\" for " + url + " in " + configFile + " (the key sees 3 servers)\n", r.out());

        RecordedRequest check = panel.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/api/client?page=1&per_page=1", check.getPath());
        assertEquals("Bearer " + Cli.KEY, check.getHeader("Authorization"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile.getParent())));

        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        Cli.Run servers = new Cli(xdg).run("servers", "--json");
        assertEquals(0, servers.exit(), servers.toString());
        assertEquals("Bearer " + Cli.KEY, panel.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization"));
    }

    @Test
    void aSecondProfileIsChosenWithProfile() throws Exception {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        assertEquals(0, login("ptlc_first", "--panel", url).exit());
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        assertEquals(0, login("ptlc_second", "--panel", url.replace("localhost", "127.0.0.1"), "--profile", "lab").exit());
        panel.takeRequest();
        panel.takeRequest();

        panel.enqueue(ok(page(1, 1, 0)));
        assertEquals(0, new Cli(xdg).run("servers", "--profile", "lab").exit());
        assertEquals("Bearer ptlc_second", panel.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization"));
        panel.enqueue(ok(page(1, 1, 0)));
        assertEquals(0, new Cli(xdg).run("servers").exit());
        assertEquals("Bearer ptlc_first", panel.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization"));
    }

    @Test
    void aRejectedKeyIsNotSaved() {
        panel.enqueue(json(401, error("InvalidCredentialsException", 401, "Unauthenticated.")));
        Cli.Run r = login("ptlc_wrong", "--panel", url);
        assertEquals(ExitCode.AUTH, r.exit());
        assertFalse(Files.exists(configFile));
    }

    @Test
    void noKeyOnStdinIsAUsageError() {
        Cli.Run r = login(null, "--panel", url);
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("no API key given"), r.err());
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void aConfigFileOthersCanReadIsRefusedWithTheChmodCommand() throws Exception {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false))));
        assertEquals(0, login(Cli.KEY, "--panel", url).exit());
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Run r = new Cli(xdg).run("servers");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().trim().endsWith("fix it with: chmod 600 " + configFile), r.err());
        assertFalse(r.err().contains(Cli.KEY));
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void plainHttpToARemotePanelIsRefusedBeforeAskingForTheKey() {
        ScriptedPrompt prompt = new ScriptedPrompt(false, Cli.KEY);
        Cli.Run r = new Cli(xdg).prompt(prompt).run("login", "--panel", "http://panel.example.com");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("--allow-insecure-http"), r.err());
        assertTrue(prompt.questions.isEmpty());
    }
}
