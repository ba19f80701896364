package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real jar: `portdeck demo --serve-only` prints its line, serves, and a SIGTERM closes it cleanly. */
class DemoServeIT {

    private static final Pattern EXPORT = Pattern.compile(
            "export PORTDECK_PANEL_URL=(http://127\\.0\\.0\\.1:\\d+) PORTDECK_API_KEY=(ptlc_[A-Za-z0-9]+)");

    @Test
    void theJarServesTheDemoPanelUntilTerminated() throws Exception {
        String jar = System.getProperty("portdeck.jar");
        assertNotNull(jar, "runs under failsafe (mvn verify), which passes -Dportdeck.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-jar", jar, "demo", "--serve-only")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            Matcher m = EXPORT.matcher(line);
            assertTrue(m.matches(), line);
            HttpRequest request = HttpRequest.newBuilder(URI.create(m.group(1) + "/api/client"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + m.group(2)).build();
            HttpResponse<String> servers = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, servers.statusCode());
            assertTrue(servers.body().contains("FiveM Roleplay"));

            demo.destroy(); // SIGTERM: the shutdown hook closes the panel
            assertTrue(demo.waitFor(20, TimeUnit.SECONDS), "the demo exits on SIGTERM");
            assertEquals(143, demo.exitValue());
            URI url = URI.create(m.group(1));
            assertFalse(accepts(url.getHost(), url.getPort()));
        } finally {
            demo.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader out) {
        try {
            return String.valueOf(out.readLine());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
