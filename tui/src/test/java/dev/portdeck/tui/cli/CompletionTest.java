package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion offers the panel's server names (briefly cached) and the enum values, and never waits long. */
class CompletionTest {

    @TempDir
    Path home;

    /** picocli builds the script from the whole command model: once for all tests. */
    private static String script;

    private String script() {
        if (script == null) {
            script = new Cli(home).run("generate-completion").out();
        }
        return script;
    }

    @Test
    void completeServersPrintsNamesAndIdsThenAnswersFromAPrivateCache() throws Exception {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            Cli cli = new Cli(home).panel(sim);
            cli.env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
            Cli.Run first = cli.run("__complete-servers");
            assertEquals(0, first.exit(), first.toString());
            assertTrue(first.out().startsWith("Survival SMP\n" + sim.serverId("Survival SMP") + "\nCreative Build\n"),
                    first.out());
            long requests = sim.requestCount();
            Cli.Run second = cli.run("__complete-servers");
            assertEquals(first.out(), second.out());
            assertEquals(requests, sim.requestCount(), "the second TAB within a minute does not ask the panel");
            Path cache = CompleteServersCommand.cacheFile(cli.env, PanelConfig.of(sim.url(), sim.clientKey()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));
            assertFalse(Files.readString(cache).contains(sim.clientKey().reveal()));
        }
    }

    @Test
    void completeServersIsSilentWhenThePanelCannotAnswer() {
        Cli cli = new Cli(home).panel("http://127.0.0.1:1");
        cli.env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Cli.Run r = cli.run("__complete-servers");
        assertEquals(new Cli.Run(0, "", ""), r);
    }

    @Test
    void theHiddenCommandIsNeitherInTheHelpNorInTheScript() {
        Cli cli = new Cli(home);
        assertFalse(cli.run("--help").out().contains("__complete"));
        assertFalse(script().contains("__portdeck_servers__"), "every marker is replaced");
        assertTrue(script().contains("__complete-servers"), "called by the SERVER completion");
    }

    /** Sources the script in bash with a stand-in portdeck that answers two names and records how it was called. */
    private String complete(String line, Path fake) throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "bash is not installed here");
        Path file = home.resolve("portdeck.bash");
        Files.writeString(file, script());
        String words = line.endsWith(" ") ? line + "''" : line;
        Path driver = home.resolve("drive.sh");
        Files.writeString(driver, "source " + file + "\nCOMP_WORDS=(" + fake + " " + words.substring(
                words.indexOf(' ') + 1) + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\nCOMP_LINE='" + line + "'\n"
                + "_complete_portdeck 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
        Process p = new ProcessBuilder("/bin/bash", driver.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "completion finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private Path fakePortdeck() throws Exception {
        Path fake = home.resolve("portdeck");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> " + home.resolve("calls") + "\n"
                + "printf 'Survival SMP\\n57a6d8ea\\nCreative Build\\n16992d92\\n'\n");
        fake.toFile().setExecutable(true);
        return fake;
    }

    @Test
    void bashCompletesServerNamesWithSpacesEscapedAndPassesThePanelOptions() throws Exception {
        Path fake = fakePortdeck();
        assertEquals("Survival\\ SMP\n", complete("portdeck alloc list Sur", fake));
        assertEquals("Creative\\ Build\n", complete("portdeck --profile prod probe --server Cr", fake));
        assertEquals("__complete-servers\n__complete-servers --profile prod\n",
                Files.readString(home.resolve("calls")));
    }

    @Test
    void bashAsksForServerNamesOnlyWhereAServerIsExpected() throws Exception {
        Path fake = fakePortdeck();
        assertEquals("--json\n", complete("portdeck alloc list --js", fake));
        assertEquals("pterodactyl\npelican\n", complete("portdeck demo --flavor p", fake));
        assertEquals("start\nstop\n", complete("portdeck power st", fake));
        assertFalse(Files.exists(home.resolve("calls")), "no call of portdeck for any of these");
    }
}
