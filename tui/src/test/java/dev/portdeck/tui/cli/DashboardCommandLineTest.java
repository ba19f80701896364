package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.common.CommandEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `portdeck` and `portdeck demo` run on a model of just those two commands, and say exactly what the full `portdeck`
 * command line says: the same exit code, output and errors (no terminal here, so the dashboard itself says it needs one).
 */
class DashboardCommandLineTest {

    @TempDir
    Path home;

    private CommandEnvironment environment() {
        return new CommandEnvironment(Map.of("XDG_CONFIG_HOME", home.toString(), "HOME", home.resolve("home").toString()),
                new ScriptedPrompt(false));
    }

    /** Exit code, stdout and stderr of `cl` running `args`. */
    private static List<String> run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return List.of(String.valueOf(exit), out.toString(), err.toString());
    }

    private List<String> asMainRuns(String... args) {
        return run(PortdeckCommand.commandLine(environment(), args), args);
    }

    private List<String> onTheFullModel(String... args) {
        return run(PortdeckCommand.commandLine(environment()), args);
    }

    private boolean small(String... args) {
        return DashboardCommandLine.parse(environment(), args)
                .map(cl -> cl.getSubcommands().keySet().equals(Set.of("demo")))
                .orElse(false);
    }

    @Test
    void theDashboardsWaysInRunOnTheSmallModelWithTheSameAnswers() {
        String[][] dashboard = {
            {},
            {"demo"},
            {"demo", "--large", "50x4", "--interval", "5"},
            {"--interval", "5s", "--ascii", "--no-color"},
            {"demo", "--large", "9x999"},              // refused by demo itself, after parsing
            {"demo", "--rate-limit", "-1"},
            {"--sort", "nosuchcolumn"},                 // refused by the dashboard's options
        };
        for (String[] args : dashboard) {
            assertTrue(small(args), () -> "small model for " + List.of(args));
            List<String> answer = asMainRuns(args);
            assertEquals(onTheFullModel(args), answer, () -> "portdeck " + String.join(" ", args));
            assertTrue(answer.get(2).startsWith("portdeck"), answer::toString);
        }
    }

    @Test
    void helpVersionParseErrorsAndOtherCommandsGoToTheFullModel() {
        String[][] full = {
            {"--help"},
            {"-V"},
            {"demo", "--help"},
            {"demo", "-h"},
            {"--interval", "1ms"},
            {"--nosuchoption"},
            {"demo", "--larg", "5x5"},
            {"demo", "extra"},
            {"nosuchcommand"},
            {"servers", "--help"},
            {"--verbose", "alloc", "ls", "--help"},
        };
        for (String[] args : full) {
            assertTrue(!small(args), () -> "full model for " + List.of(args));
            assertEquals(onTheFullModel(args), asMainRuns(args), () -> "portdeck " + String.join(" ", args));
        }
        assertTrue(asMainRuns("--help").get(1).contains("Commands:"), "the root's help lists every command");
        assertTrue(asMainRuns("demo", "--larg", "5x5").get(2).contains("--large"), "the full model suggests --large");
    }
}
