package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.InvalidInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One setting written into the file that holds the keys: every other line stays as the user wrote it. */
class ConfigFilePutTest {

    private static final String HAND_WRITTEN = "# my panels\r\n"
            + "default=main\r\n"
            + "profile.main.url=https://panel.example.com\r\n"
            + "profile.main.key=ptlc_secret1\r\n"
            + "\r\n"
            + "! the RCON ports stay closed\r\n"
            + "expect_closed = 25575, \\\r\n"
            + "    27020\r\n"
            + "checks.57a6d8ea.25565 = tcp\r\n"
            + "dashboard.interval: 10s";

    @TempDir
    Path tmp;

    private ConfigFile file(String text) throws Exception {
        Path path = tmp.resolve("portdeck/config.properties");
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return new ConfigFile(path);
    }

    private static Properties load(ConfigFile file) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file.path())));
        return p;
    }

    @Test
    void replacingASettingChangesOnlyItsLine() throws Exception {
        ConfigFile file = file(HAND_WRITTEN);
        file.put("checks.57a6d8ea.25565", "minecraft");
        assertEquals(HAND_WRITTEN.replace("checks.57a6d8ea.25565 = tcp", "checks.57a6d8ea.25565=minecraft"),
                Files.readString(file.path()), "comments, order, line breaks and the continued line are kept");
        assertEquals("minecraft", file.entries("checks.").get("57a6d8ea.25565"));
        assertEquals("ptlc_secret1", file.read().profile("main").orElseThrow().key().reveal());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    void aNewSettingGoesAtTheEndAndRemovingOneDropsEveryLineThatSetIt() throws Exception {
        ConfigFile file = file(HAND_WRITTEN + "\nchecks.57a6d8ea.25565=udp\n");
        file.put("checks.f99e7c3d.8080", "http");
        String text = Files.readString(file.path());
        assertTrue(text.startsWith(HAND_WRITTEN + "\nchecks.57a6d8ea.25565=udp\n"), text);
        assertTrue(text.endsWith("checks.f99e7c3d.8080=http\n"), text);
        file.put("checks.57a6d8ea.25565", null);
        Properties p = load(file);
        assertNull(p.getProperty("checks.57a6d8ea.25565"), "both lines that set it are gone");
        assertEquals("http", p.getProperty("checks.f99e7c3d.8080"));
        assertEquals("25575, 27020", p.getProperty("expect_closed"));
        assertFalse(Files.exists(file.path().resolveSibling("config.properties.tmp")), "no temporary file is left");
    }

    @Test
    void withoutAFileItIsCreatedPrivate() throws Exception {
        ConfigFile file = new ConfigFile(tmp.resolve("xdg/portdeck/config.properties"));
        file.put("checks.57a6d8ea.25575", "tcp");
        assertEquals("checks.57a6d8ea.25575=tcp\n", Files.readString(file.path()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent())));
    }

    @Test
    void aFileOthersMayReadIsRefusedAndLeftAlone() throws Exception {
        ConfigFile file = file(HAND_WRITTEN);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
        InvalidInput e = assertThrows(InvalidInput.class, () -> file.put("checks.57a6d8ea.25565", "udp"));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertEquals(HAND_WRITTEN, Files.readString(file.path()));
        assertThrows(IllegalArgumentException.class, () -> file.put("profile.main.key", "x"), "never the keys");
    }

    @Test
    void anyKeyAndValueReadBackExactlyAndTheOtherSettingsStay() throws Exception {
        Random random = new Random(20261130);
        String alphabet = "ab.=: #!\\\t\n\r\fé€\u0001x";
        for (int round = 0; round < 300; round++) {
            String key = "k" + pick(random, alphabet, 1 + random.nextInt(6));
            String value = pick(random, alphabet, random.nextInt(8));
            ConfigFile file = file(HAND_WRITTEN);
            Properties before = load(file);
            file.put(key, value);
            Properties after = load(file);
            assertEquals(value, after.getProperty(key), "key " + escaped(key) + ", value " + escaped(value));
            before.setProperty(key, value);
            assertEquals(before, after, "only " + escaped(key) + " changed");
            file.put(key, null);
            before.remove(key);
            assertEquals(before, load(file), "removing " + escaped(key) + " leaves the rest");
        }
    }

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String escaped(String s) {
        return s.chars().mapToObj(c -> c < 0x20 ? String.format("\\x%02x", c) : String.valueOf((char) c))
                .reduce("", String::concat);
    }
}
