package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.Prompt;
import dev.portdeck.tui.dashboard.theme.Palette;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The root command's default action, `portdeck`, and the dashboard's flags, as a script or CI would meet them. */
class DashboardCommandTest {

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> variables, String... args) {
        CommandLine cl = PortdeckCommand.commandLine(
                new CommandEnvironment(variables, Prompt.system(new ByteArrayInputStream(new byte[0]))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void withoutATerminalPortdeckSaysSoInOneSentenceAndFails() {
        Run r = run(Map.of("HOME", home.toString()));
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("portdeck: the dashboard needs an interactive terminal, and stdin/stdout is not one; "
                + "in scripts use `portdeck servers` or `portdeck alloc`.", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void withAConfiguredPanelAndNoTerminalNothingIsSentAndTheKeyNeverShows() {
        String key = "ptlc_" + "k".repeat(43);
        Run r = run(Map.of("HOME", home.toString(), "PORTDECK_PANEL_URL", "http://127.0.0.1:9",
                "PORTDECK_API_KEY", key));
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("needs an interactive terminal"), r.err());
        assertFalse(r.err().contains(key));
    }

    @Test
    void aBadCheckInTheConfigFileOrABadPrometheusStopsTheDashboardInOneSentence() throws Exception {
        java.nio.file.Path config = home.resolve(".config/portdeck/config.properties");
        java.nio.file.Files.createDirectories(config.getParent());
        java.nio.file.Files.writeString(config, "checks.57a6d8ea.25565 = telnet\n");
        java.nio.file.Files.setPosixFilePermissions(config,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run r = run(Map.of("HOME", home.toString()));
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains(config + ": checks.57a6d8ea.25565 = \"telnet\" is no check; use one of tcp, udp,"),
                r.err());
        java.nio.file.Files.writeString(config, "checks.57a6d8ea.25565 = tcp\n");
        Run bad = run(Map.of("HOME", home.toString()), "--prometheus", "localhost:9090");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.err().contains("--prometheus must be Prometheus' http(s) URL"), bad.err());
    }

    @Test
    void theDashboardFlagsAreOnTheRootCommandsHelp() {
        Run r = run(Map.of("HOME", home.toString()), "--help");
        for (String flag : new String[] {"--interval", "readonly", "color", "ascii", "--sort"}) {
            assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
        }
    }

    @Test
    void aBadIntervalIsAUsageErrorInOneSentence() {
        Run r = run(Map.of("HOME", home.toString()), "--interval", "often");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("'often' is not an interval from 200ms to 1h"), r.err());
    }

    @Test
    void intervalsReadAsPeopleWriteThem() {
        DashboardFlags.IntervalConverter c = new DashboardFlags.IntervalConverter();
        assertEquals(Duration.ofSeconds(5), c.convert("5"));
        assertEquals(Duration.ofMillis(2500), c.convert("2.5s"));
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofMinutes(1), c.convert("1m"));
        assertThrows(TypeConversionException.class, () -> c.convert("0"));
        assertThrows(TypeConversionException.class, () -> c.convert("2h"));
        assertThrows(TypeConversionException.class, () -> c.convert("5d"), "a day is not 5 seconds");
        assertThrows(TypeConversionException.class, () -> c.convert("5f"));
        assertEquals(Duration.ofSeconds(10), c.convert("PT10S"));
    }

    @Test
    void noColorIsHonouredFromTheEnvironmentAndTheFlag() {
        assertTrue(Palette.from(false, null).hasColor());
        assertTrue(Palette.from(false, "").hasColor(), "NO_COLOR only counts when non-empty (no-color.org)");
        assertFalse(Palette.from(false, "1").hasColor());
        assertFalse(Palette.from(true, null).hasColor());
    }

    @Test
    void theLogGoesUnderXdgStateHomeOrTheDefault() {
        assertEquals(Path.of("/x/state/portdeck/portdeck.log"), DiagnosticsLog.file("/x/state", "/home/a"));
        assertEquals(Path.of("/home/a/.local/state/portdeck/portdeck.log"), DiagnosticsLog.file(null, "/home/a"));
        assertEquals(Path.of("/home/a/.local/state/portdeck/portdeck.log"), DiagnosticsLog.file(" ", "/home/a"));
    }
}
