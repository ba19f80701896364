package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
    void aFileOnlyItsOwnerMayUseIsReadWhateverTheOwnersOwnBits() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("portdeck/config.properties"));
        file.save(new Profile("main", "https://panel.example.com", ApiKey.of("ptlc_secret1"), false), true);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rwx------"));
        assertEquals("main", file.read().defaultProfile());
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw----rw-"));
        assertThrows(InvalidInput.class, file::read, "others may write it: refused too");
    }

    @Test
    void aFifoIsRefusedAtOnceInsteadOfBlockingTheRead() throws Exception {
        Path fifo = tmp.resolve("config.properties");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        ConfigFile file = new ConfigFile(fifo);
        InvalidInput e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(InvalidInput.class,
                file::read));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void aDanglingSymbolicLinkIsReportedNotTakenForNoConfig() throws Exception {
        Path link = tmp.resolve("config.properties");
        Files.createSymbolicLink(link, tmp.resolve("moved-away.properties"));
        ConfigFile file = new ConfigFile(link);
        assertTrue(file.exists());
        InvalidInput e = assertThrows(InvalidInput.class, file::read);
        assertTrue(e.getMessage().contains("is a symbolic link to " + tmp.resolve("moved-away.properties")
                + ", which does not exist"), e.getMessage());
    }

    @Test
    void aMalformedUnicodeEscapeIsOneSentence() throws Exception {
        Path path = tmp.resolve("config.properties");
        Files.writeString(path, "default=main\nprofile.main.url=https://p.example.com/\\u12\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        InvalidInput e = assertThrows(InvalidInput.class, () -> new ConfigFile(path).read());
        assertTrue(e.getMessage().contains("malformed \\u escape"), e.getMessage());
    }

    @Test
    void aStoredKeyWithALineBreakNamesTheProfileNotTheKey() throws Exception {
        Path path = tmp.resolve("config.properties");
        Files.writeString(path, "profile.main.url=https://p.example.com\nprofile.main.key=ptlc_abc\\ndef\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        InvalidInput e = assertThrows(InvalidInput.class, () -> new ConfigFile(path).read());
        assertTrue(e.getMessage().startsWith("profile main in " + path + ": the API key contains a line break"),
                e.getMessage());
        assertFalse(e.getMessage().contains("ptlc_abc"));
    }

    @Test
    void theAllServersSettingIsStoredAndRead() {
        ConfigFile file = new ConfigFile(tmp.resolve("p/config.properties"));
        file.save(new Profile("admin", "https://p.example.com", ApiKey.of("ptlc_a"), false, true), true);
        assertTrue(file.read().profile("admin").orElseThrow().allServers());
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
