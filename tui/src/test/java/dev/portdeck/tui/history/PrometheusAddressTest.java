package dev.portdeck.tui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the dashboard's history comes from: flag, then environment, then the profile's setting, then the file's. */
class PrometheusAddressTest {

    @TempDir
    Path dir;

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheConfigFile() throws Exception {
        ConfigFile file = file("default=main\nprofile.main.url=https://panel.example.com\n"
                + "profile.main.prometheus=http://10.0.0.5:9090\nprofile.eu.prometheus=http://eu:9090\n"
                + "prometheus=http://fallback:9090\n");
        Map<String, String> env = Map.of(PrometheusAddress.ENV, "http://env:9090");
        assertEquals(uri("http://flag:9090"), PrometheusAddress.resolve("http://flag:9090", env, file, null));
        assertEquals(uri("http://env:9090"), PrometheusAddress.resolve(null, env, file, null));
        assertEquals(uri("http://10.0.0.5:9090"), PrometheusAddress.resolve(null, Map.of(), file, null), "the default profile");
        assertEquals(uri("http://eu:9090"), PrometheusAddress.resolve(null, Map.of(), file, "eu"));
        assertEquals(uri("http://fallback:9090"), PrometheusAddress.resolve(null, Map.of(), file, "other"));
    }

    @Test
    void nothingSetMeansNoHistory() {
        assertEquals(Optional.empty(), PrometheusAddress.resolve(null, Map.of(), new ConfigFile(dir.resolve("none")), null));
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageErrorNamingItsSource() throws Exception {
        InvalidInput e = assertThrows(InvalidInput.class, () -> PrometheusAddress.resolve("localhost:9090", Map.of(),
                new ConfigFile(dir.resolve("none")), null));
        assertTrue(e.getMessage().startsWith("--prometheus must be Prometheus' http(s) URL"), e.getMessage());
        ConfigFile file = file("prometheus=ftp://x\n");
        InvalidInput fromFile = assertThrows(InvalidInput.class, () -> PrometheusAddress.resolve(null, Map.of(), file, null));
        assertTrue(fromFile.getMessage().contains("(prometheus)"), fromFile.getMessage());
    }

    private ConfigFile file(String text) throws Exception {
        Path p = dir.resolve("config.properties");
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return new ConfigFile(p);
    }

    private static Optional<URI> uri(String s) {
        return Optional.of(URI.create(s));
    }
}
