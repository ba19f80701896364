package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fivem check: HTTP on the game port (MockWebServer), and the UDP getinfo query when HTTP gives nothing. */
class FivemCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String DYNAMIC = "{\"clients\":5,\"gametype\":\"Freeroam\",\"hostname\":\"^3Test ^0City\","
            + "\"iv\":\"-1\",\"mapname\":\"fivem-map-skater\",\"sv_maxclients\":\"32\"}";
    private static final String INFO = "{\"server\":\"FXServer-master SERVER v1.0.0.7290 linux\",\"resources\":[],"
            + "\"vars\":{\"gamename\":\"gta5\",\"sv_maxClients\":\"32\"},\"version\":1}";
    @AutoClose
    private static final Prober prober = new Prober(16);

    private static Outcome probe(int port) throws Exception {
        return prober.probe(new Target("127.0.0.1", port, null, Check.FIVEM), TIMEOUT).get(15, TimeUnit.SECONDS)
                .outcome();
    }

    private static Dispatcher serving(String dynamic, String info) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = String.valueOf(request.getPath());
                String body = path.equals("/dynamic.json") ? dynamic : path.equals("/info.json") ? info : null;
                return body == null ? new MockResponse().setResponseCode(404)
                        : new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
            }
        };
    }

    @Test
    void dynamicAndInfoGiveHostnamePlayersMapAndBuild() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(serving(DYNAMIC, INFO));
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(server.getPort()));
            assertEquals(new Service("FiveM", "Test City", "FXServer-master SERVER v1.0.0.7290 linux",
                    "fivem-map-skater", 5, 32), open.service());
            assertNotNull(open.appLatency());
            assertEquals(List.of("/dynamic.json", "/info.json"),
                    List.of(server.takeRequest().getPath(), server.takeRequest().getPath()));
        }
    }

    @Test
    void withoutHttpTheUdpGetinfoOnTheSamePortAnswers() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (MockWebServer server = new MockWebServer()) {
                server.setDispatcher(serving(null, null)); // every path 404
                server.start();
                Fixtures.Udp getinfo;
                try {
                    getinfo = udpOnSamePort(server.getPort());
                } catch (SocketException busy) {
                    if (attempt < 5) {
                        continue; // that UDP port is someone else's: take another pair
                    }
                    throw busy;
                }
                try (getinfo) {
                    Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(server.getPort()));
                    assertEquals(new Service("FiveM", "UDP City", null, "fivem-map-hipster", 2, 48), open.service());
                }
                return;
            }
        }
    }

    @Test
    void withNeitherTheReasonNamesBoth() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(serving(null, null));
            Outcome.Unresponsive u = assertInstanceOf(Outcome.Unresponsive.class, probe(server.getPort()));
            assertEquals("/dynamic.json: HTTP 404 Client Error; getinfo: the UDP port is closed", u.reason());
        }
    }

    /** A getinfo responder on the UDP port with the TCP port's number (taken moments ago; rarely busy). */
    private static Fixtures.Udp udpOnSamePort(int port) throws SocketException {
        return new Fixtures.Udp((req, n) -> {
            String text = new String(req, StandardCharsets.ISO_8859_1);
            String challenge = text.substring(text.indexOf("getinfo ") + 8).replace("\0", "");
            String reply = "\u00ff\u00ff\u00ff\u00ffinfoResponse\n\\sv_maxclients\\48\\clients\\2\\challenge\\"
                    + challenge + "\\gamename\\gta5\\hostname\\^1UDP City\\mapname\\fivem-map-hipster";
            return List.of(reply.getBytes(StandardCharsets.ISO_8859_1));
        }, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
}
