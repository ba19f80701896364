package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.InvalidInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path tmp;

    @Test
    void savingCreatesTheFile0600InsideA0700Directory() throws Exception {
        ConfigFile file = ConfigFile.in(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);

        assertEquals(tmp.resolve("xdg/portdeck/config.properties"), file.path());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent())));
        ConfigFile.Contents contents = file.read();
        assertEquals("main", contents.defaultProfile());
        assertEquals(ApiKey.of("ptlc_secret1"), contents.profile("main").orElseThrow().key());
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        InvalidInput e = assertThrows(InvalidInput.class, file::read);
        assertTrue(e.getMessage().endsWith("chmod 600 " + file.path()), e.getMessage());
        assertFalse(e.getMessage().contains("ptlc_secret1"));
    }

    @Test
    void savingASecondProfileKeepsTheFirstAndTheDefault() {
        ConfigFile file = new ConfigFile(tmp.resolve("p/config.properties"));
        file.save(new Profile("eu", "https://eu.example.com", ApiKey.of("ptlc_eu"), false), false);
        file.save(new Profile("us", "http://10.0.0.5", ApiKey.of("pacc_us"), true), false);

        ConfigFile.Contents contents = file.read();
        assertEquals("eu", contents.defaultProfile());
        assertEquals(2, contents.profiles().size());
        assertTrue(contents.profile("us").orElseThrow().allowInsecureHttp());
    }

    @Test
    void withoutXdgTheFileLivesUnderHomeDotConfig() {
        ConfigFile file = ConfigFile.in(Map.of("HOME", "/home/ann"));
        assertEquals(Path.of("/home/ann/.config/portdeck/config.properties"), file.path());
    }

    @Test
    void profileToStringNeverShowsTheKey() {
        Profile p = new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_topsecret"), false);
        assertFalse(p.toString().contains("topsecret"), p.toString());
    }
}
