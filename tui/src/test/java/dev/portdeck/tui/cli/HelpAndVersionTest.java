package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

    @TempDir
    Path xdg;

    @ParameterizedTest
    @ValueSource(strings = {"", "servers", "alloc", "alloc list", "alloc add", "alloc primary", "alloc notes",
        "alloc rm", "login", "generate-completion"})
    void everyCommandHasHelp(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        Cli.Run r = new Cli(xdg).run(args);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Usage: portdeck" + (command.isEmpty() ? "" : " " + command)), r.out());
    }

    @Test
    void theRootHelpListsTheExitCodes() {
        Cli.Run r = new Cli(xdg).run("--help");
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  5 +alloc add: the panel assigned something other than what was asked\\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\n  130 +interrupted \\(Ctrl-C\\)\\n.*"), r.out());
    }

    @Test
    void versionPrintsTheName() {
        Cli.Run r = new Cli(xdg).run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("portdeck "), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"servers", "alloc", "alloc list", "alloc add", "alloc primary", "alloc notes", "alloc rm",
        "login"})
    void everyCommandKnowsTheVersion(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--version";
        Cli.Run r = new Cli(xdg).run(args);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("portdeck "), r.out());
    }

    @Test
    void completionScriptCoversTheAllocSubcommands() {
        Cli.Run r = new Cli(xdg).run("generate-completion");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("primary") && r.out().contains("--allow-insecure-http"), "completion script");
    }
}
