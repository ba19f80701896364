package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portdeck.shared.error.Unreachable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An http:// panel is spoken to in plain HTTP, an https:// one in TLS: what the first bytes on the wire are. */
class PanelSchemeTest {

    /** The first bytes the client sends to a loopback listener addressed as `scheme`, after which it is hung up on. */
    private static byte[] firstBytes(String scheme) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
                    return in.readNBytes(4);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            URI url = URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
            try (PanelClient client = Fixtures.client(url, RetryPolicy.NONE, Duration.ofSeconds(5))) {
                assertThrows(Unreachable.class, () -> client.resources("d3aac109"));
            }
            return received.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anHttpPanelGetsPlainHttp() throws Exception {
        assertEquals("GET ", new String(firstBytes("http"), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void anHttpsPanelGetsATlsHandshake() throws Exception {
        byte[] first = firstBytes("https");
        assertEquals(0x16, first[0], "a TLS handshake record"); // then the protocol version, 3.x
        assertEquals(0x03, first[1]);
    }
}
