package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.InvalidInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The dashboard's defaults in the config file, and the flags that override them. */
class DashboardDefaultsTest {

    @TempDir
    Path home;

    @Command(name = "test")
    static final class Root {
        @Mixin
        DashboardFlags flags;
    }

    private static DashboardOptions options(DashboardDefaults file, String... args) {
        Root root = new Root();
        new CommandLine(root).parseArgs(args);
        return root.flags.options(file, null);
    }

    private Map<String, String> configWith(String text) throws Exception {
        Path file = home.resolve("xdg/portdeck/config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    }

    @Test
    void theFileSetsEveryDefault() throws Exception {
        DashboardDefaults file = DashboardDefaults.read(configWith("dashboard.interval=10s\ndashboard.readonly=true\n"
                + "dashboard.color=false\ndashboard.ascii=yes\ndashboard.sort=-uptime\nprofile.a.url=https://a\n"));
        DashboardOptions o = options(file);
        assertEquals(Duration.ofSeconds(10), o.interval());
        assertTrue(o.readOnly());
        assertFalse(o.color());
        assertTrue(o.ascii());
        assertEquals("uptime", o.sort());
        assertTrue(o.sortDescending());
    }

    @Test
    void flagsOverrideTheFileBothWays() throws Exception {
        DashboardDefaults file = DashboardDefaults.read(configWith("dashboard.interval=10s\ndashboard.readonly=true\n"
                + "dashboard.color=false\ndashboard.ascii=true\ndashboard.sort=node\n"));
        DashboardOptions o = options(file, "--interval", "2s", "--no-readonly", "--color", "--no-ascii", "--sort",
                "allocs");
        assertEquals(Duration.ofSeconds(2), o.interval());
        assertFalse(o.readOnly());
        assertTrue(o.color());
        assertFalse(o.ascii());
        assertEquals("allocs", o.sort());
        assertFalse(o.sortDescending());
        assertTrue(options(DashboardDefaults.NONE, "--readonly", "--no-color").readOnly());
        assertFalse(options(DashboardDefaults.NONE, "--no-color").color());
    }

    @Test
    void withoutAFileTheBuiltInDefaultsHold() {
        DashboardOptions o = options(DashboardDefaults.read(Map.of("HOME", home.toString())));
        assertEquals(DashboardOptions.DEFAULT_INTERVAL, o.interval());
        assertFalse(o.readOnly());
        assertTrue(o.color());
        assertEquals(null, o.sort());
    }

    @Test
    void aMistakeInTheFileIsNamedInOneSentence() throws Exception {
        String typo = assertThrows(InvalidInput.class, () -> DashboardDefaults.read(configWith("dashboard.colour=no\n")))
                .getMessage();
        assertTrue(typo.endsWith("dashboard.colour is not a dashboard setting (known: ascii, color, interval, readonly, "
                + "sort)"), typo);
        String bad = assertThrows(InvalidInput.class, () -> DashboardDefaults.read(configWith("dashboard.interval=often"
                + "\n"))).getMessage();
        assertTrue(bad.contains("dashboard.interval: 'often' is not an interval from 200ms to 1h"), bad);
        String sort = assertThrows(InvalidInput.class, () -> options(DashboardDefaults.NONE, "--sort", "ping"))
                .getMessage();
        assertTrue(sort.contains("'ping' is not a column of the servers view"), sort);
    }
}
