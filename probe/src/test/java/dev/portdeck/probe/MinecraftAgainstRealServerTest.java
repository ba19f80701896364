package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The minecraft check against PrismarineJS's minecraft-protocol server: an implementation that is not ours. */
class MinecraftAgainstRealServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @AutoClose
    private static NodePeer server;
    @AutoClose
    private static final Prober prober = new Prober(32);

    @BeforeAll
    static void start() throws Exception {
        server = NodePeer.start("minecraft-server.js", "minecraft-protocol", "1.20.4", "§aHello §lworld", "20");
    }

    private static Outcome probe(int port) throws Exception {
        return prober.probe(new Target("127.0.0.1", port, null, Check.MINECRAFT), TIMEOUT)
                .get(20, TimeUnit.SECONDS).outcome();
    }

    @Test
    void theStatusGivesVersionMotdAndSlotsAndThePingItsRoundTrip() throws Exception {
        Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(server.port()));
        assertEquals(new Service("Minecraft", "Hello world", "1.20.4", null, 0, 20), open.service());
        assertNotNull(open.appLatency(), "ping/pong was timed");
        assertTrue(open.appLatency().compareTo(TIMEOUT) < 0, open.appLatency().toString());
        assertTrue(open.latency().compareTo(TIMEOUT) < 0, open.latency().toString());
    }

    @Test
    void manyChecksAtOnceAllGetTheirAnswer() throws Exception {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            targets.add(new Target("127.0.0.1", server.port(), "mc-" + i, Check.MINECRAFT));
        }
        for (ProbeResult r : prober.sweep(targets, TIMEOUT, null).get(30, TimeUnit.SECONDS)) {
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, r.outcome(), r.target().label());
            assertEquals(20, open.service().maxPlayers());
        }
    }

    @Test
    void aServerThatOnlyAnswersThe16PingIsReadThroughTheFallback() throws Exception {
        // In front of the real server: 1.7+ connections are closed at once, a 1.6 ping (first byte FE) is passed on.
        try (Fixtures.Tcp legacyOnly = new Fixtures.Tcp((s, in, out) -> {
            int first = in.read();
            if (first != 0xFE) {
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                upstream.getOutputStream().write(first);
                Thread back = Prober.daemon(() -> pipe(quietly(upstream), out), "legacy-proxy-back");
                back.start();
                pipe(in, upstream.getOutputStream());
                back.join(5_000);
            }
        })) {
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(legacyOnly.port()));
            assertEquals("Minecraft", open.service().game());
            assertEquals("Hello world", open.service().name());
            assertEquals(20, open.service().maxPlayers());
            assertNotNull(open.appLatency(), "request to answer of the 1.6 ping");
        }
    }

    private static InputStream quietly(Socket s) {
        try {
            return s.getInputStream();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (java.io.IOException e) {
            // one side closed
        }
    }
}
