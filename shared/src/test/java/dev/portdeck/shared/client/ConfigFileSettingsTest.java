package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portdeck.shared.error.InvalidInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings beside the profiles (the probe's checks and expected-closed ports) are read, and kept by `login`. */
class ConfigFileSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void entriesWithAPrefixAreReadWithoutIt() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);
        Files.writeString(file.path(), "checks.1a7ce997.8123 = http\nchecks.127.0.0.2.25575=tcp\n"
                + "expect_closed = 25575, 127.0.0.3:27020\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Map.of("1a7ce997.8123", "http", "127.0.0.2.25575", "tcp"), file.entries("checks."));
        assertEquals(Map.of("expect_closed", "25575, 127.0.0.3:27020"), file.entries("expect_closed"));
        assertEquals(Map.of(), new ConfigFile(tmp.resolve("none/config.properties")).entries("checks."));
    }

    @Test
    void loggingInAgainKeepsTheOtherSettings() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);
        Files.writeString(file.path(), "checks.1a7ce997.8123 = http\n", java.nio.file.StandardOpenOption.APPEND);
        file.save(new Profile("other", "https://other.example.com", ApiKey.of("ptlc_secret2"), false), false);
        assertEquals(Map.of("1a7ce997.8123", "http"), file.entries("checks."));
        assertEquals("main", file.read().defaultProfile());
    }

    @Test
    void theSettingsOfAFileOthersCanReadAreRefusedToo() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(InvalidInput.class, () -> file.entries("checks."));
    }
}
