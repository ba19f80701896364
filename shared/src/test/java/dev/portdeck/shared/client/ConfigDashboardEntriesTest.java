package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's defaults beside the profiles: read by prefix, and kept when `portdeck login` saves a profile. */
class ConfigDashboardEntriesTest {

    @TempDir
    Path tmp;

    @Test
    void aSectionIsReadByPrefixAndSurvivesLogin() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        Files.createDirectories(file.path().getParent());
        Files.writeString(file.path(), "dashboard.interval=10s\ndashboard.sort = -uptime\nprofile.a.url=https://a\n");
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-------"));
        assertEquals(Map.of("interval", "10s", "sort", "-uptime"), file.entries("dashboard."));

        file.save(new Profile("b", "https://b.example.com", ApiKey.of("ptlc_b"), false), true);
        assertEquals(Map.of("interval", "10s", "sort", "-uptime"), file.entries("dashboard."),
                "portdeck login rewrites the file without losing the dashboard's settings");
        assertEquals(2, file.read().profiles().size());
    }

    @Test
    void noFileMeansAnEmptySection() {
        assertEquals(Map.of(), new ConfigFile(tmp.resolve("none/config.properties")).entries("dashboard."));
    }
}
