package dev.portdeck.shared.sim.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each game responder is read by an independent client (GameDig, minecraft-server-util, minecraft-protocol), so a
 * responder cannot share a mistake with portdeck's own checks.
 */
class GameRespondersTest {

    static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    static final Game.MinecraftJava PAPER = new Game.MinecraftJava("Survival §aSMP", "Paper 1.20.4", 765, 3, 20);
    static final Game.Source CS2 = new Game.Source("CS2 Competitive", "de_dust2", "csgo", "Counter-Strike 2", 730,
            12, 24, 2, "1.39.8.1", "secure,competitive", false, false);

    @Test
    void gameDigReadsTheMinecraftJavaStatus() throws IOException {
        try (Responder mc = PAPER.start(ANY_LOOPBACK_PORT)) {
            JsonNode status = NodePeers.gamedig("minecraft", mc.port());
            assertEquals("Survival SMP", status.get("name").asText());
            assertEquals("Paper 1.20.4", status.get("version").asText());
            assertEquals(3, status.get("numplayers").asInt());
            assertEquals(20, status.get("maxplayers").asInt());
            assertEquals(3, status.get("players").size());
        }
    }

    @Test
    void minecraftServerUtilTimesThePingPong() throws IOException {
        try (Responder mc = PAPER.start(ANY_LOOPBACK_PORT)) {
            JsonNode status = NodePeers.script("minecraft-server-util",
                    "require('minecraft-server-util').status('127.0.0.1', " + mc.port()
                    + ", {enableSRV: false, timeout: 3000}).then(s => console.log(JSON.stringify(s)),"
                    + " e => console.log(JSON.stringify({error: String(e)})))");
            assertEquals("Paper 1.20.4", status.path("version").path("name").asText(), status.toString());
            assertEquals(765, status.path("version").path("protocol").asInt());
            assertEquals(20, status.path("players").path("max").asInt());
            assertTrue(status.path("roundTripLatency").isNumber(), "the pong came back: " + status);
        }
    }

    @Test
    void minecraftProtocolGetsAPongWithTheSameEcho() throws IOException {
        try (Responder mc = PAPER.start(ANY_LOOPBACK_PORT)) {
            JsonNode status = NodePeers.script("minecraft-protocol",
                    "require('minecraft-protocol').ping({host: '127.0.0.1', port: "
                    + mc.port() + ", version: '1.20.4', noPongTimeout: 3000, closeTimeout: 5000})"
                    + ".then(s => console.log(JSON.stringify(s)), e => console.log(JSON.stringify({error: String(e)})))");
            assertEquals("Survival §aSMP", status.path("description").path("text").asText(), status.toString());
            assertTrue(status.path("latency").isNumber(), "latency is set only when the pong arrived: " + status);
        }
    }

    @Test
    void theLegacyPingOfOldClientsIsAnsweredInThe16Format() throws IOException {
        try (Responder mc = belowPort32768(PAPER)) {
            for (String call : List.of("statusLegacy", "statusFE01FA")) {
                JsonNode status = NodePeers.script("minecraft-server-util",
                        "require('minecraft-server-util')." + call + "('127.0.0.1', "
                        + mc.port() + ", {enableSRV: false, timeout: 3000}).then(s => console.log(JSON.stringify(s)),"
                        + " e => console.log(JSON.stringify({error: String(e)})))");
                JsonNode version = status.path("version");
                assertEquals("Paper 1.20.4", version.isObject() ? version.path("name").asText() : version.asText(),
                        call + ": " + status);
                assertEquals(765, version.isObject() ? version.path("protocol").asInt()
                        : status.path("protocolVersion").asInt(), call);
                assertEquals("Survival SMP", status.path("motd").path("clean").asText(), call);
                assertEquals(3, status.path("players").path("online").asInt(), call);
                assertEquals(20, status.path("players").path("max").asInt(), call);
            }
        }
    }

    /** minecraft-server-util's FE01FA writes the port as a signed short: it fails above 32767. */
    private static Responder belowPort32768(Game game) throws IOException {
        java.util.Random random = new java.util.Random();
        for (int i = 0; ; i++) {
            try {
                return game.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 20000 + random.nextInt(12000)));
            } catch (java.net.BindException taken) {
                if (i == 50) {
                    throw taken;
                }
            }
        }
    }

    @Test
    void gameDigReadsTheBedrockPong() throws IOException {
        Game.Bedrock bedrock = new Game.Bedrock("Bedrock Realm", "1.20.51", 630, 4, 30, "Bedrock level", "Survival");
        try (Responder be = bedrock.start(ANY_LOOPBACK_PORT)) {
            JsonNode status = NodePeers.gamedig("mbe", be.port());
            assertEquals("Bedrock Realm", status.get("name").asText());
            assertEquals("1.20.51", status.get("version").asText());
            assertEquals(4, status.get("numplayers").asInt());
            assertEquals(30, status.get("maxplayers").asInt());
            assertEquals("Bedrock level", status.get("map").asText());
        }
    }

    @Test
    void gameDigReadsA2sInfoAndPlayers() throws IOException {
        try (Responder cs = CS2.start(ANY_LOOPBACK_PORT)) {
            assertSourceAnswer(NodePeers.gamedig("counterstrike2", cs.port()), cs.port());
        }
    }

    @Test
    void gameDigGetsTheInfoAfterTheChallengeAndFromASplitReply() throws IOException {
        try (Responder cs = CS2.withChallenge(true).withSplitReply(true).start(ANY_LOOPBACK_PORT)) {
            assertSourceAnswer(NodePeers.gamedig("counterstrike2", cs.port()), cs.port());
        }
    }

    private static void assertSourceAnswer(JsonNode status, int port) {
        assertEquals("CS2 Competitive", status.get("name").asText(), status.toString());
        assertEquals("de_dust2", status.get("map").asText());
        assertEquals("1.39.8.1", status.get("version").asText());
        assertEquals(24, status.get("maxplayers").asInt());
        assertEquals(12, status.get("numplayers").asInt());
        assertEquals(730, status.path("raw").path("appId").asInt());
        assertEquals("127.0.0.1:" + port, status.path("connect").asText(), "from the EDF's game port");
        assertEquals("competitive", status.path("raw").path("tags").get(1).asText());
    }

    @Test
    void aRequestWithoutTheChallengeGetsOnlyTheChallenge() throws IOException {
        try (Responder cs = CS2.withChallenge(true).start(ANY_LOOPBACK_PORT);
             DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(3000);
            byte[] query = "\u00ff\u00ff\u00ff\u00ffTSource Engine Query\0".getBytes(StandardCharsets.ISO_8859_1);
            client.send(new DatagramPacket(query, query.length, cs.address()));
            DatagramPacket reply = new DatagramPacket(new byte[1400], 1400);
            client.receive(reply);
            assertEquals(9, reply.getLength());
            assertEquals('A', reply.getData()[4]);
        }
    }

    @Test
    void gameDigReadsFivemOverHttpAndUdpOnTheSamePort() throws IOException {
        Game.Fivem fivem = new Game.Fivem("QBCore Roleplay", "Roleplay", "Los Santos", 7, 64,
                "FXServer-master v1.0.0.7290 linux", List.of("qb-core", "oxmysql"));
        try (Responder fx = fivem.start(ANY_LOOPBACK_PORT)) {
            JsonNode status = NodePeers.gamedig("gta5f", fx.port());
            assertEquals("QBCore Roleplay", status.get("name").asText(), status.toString());
            assertEquals("Los Santos", status.get("map").asText());
            assertEquals(64, status.get("maxplayers").asInt());
            assertEquals(7, status.get("players").size(), "from /players.json");
            assertEquals("qb-core", status.path("raw").path("info").path("resources").get(0).asText(),
                    "from /info.json");
        }
    }

    @Test
    void theWebPortAnswersGetAndHeadWithItsServerHeader() throws Exception {
        try (Responder web = new Game.Web("Dynmap - Survival", "Dynmap").start(ANY_LOOPBACK_PORT)) {
            HttpClient http = HttpClient.newHttpClient();
            URI root = URI.create("http://127.0.0.1:" + web.port() + "/");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(root).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode());
            assertTrue(get.body().contains("<title>Dynmap - Survival</title>"));
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(root)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("Dynmap", head.headers().firstValue("Server").orElse(null));
        }
    }

    @Test
    void theUdpEchoSendsTheDatagramBack() throws IOException {
        try (Responder echo = new Game.UdpEcho().start(ANY_LOOPBACK_PORT);
             DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(3000);
            byte[] hello = {1, 2, 3, 4};
            client.send(new DatagramPacket(hello, hello.length, echo.address()));
            DatagramPacket reply = new DatagramPacket(new byte[64], 64);
            client.receive(reply);
            assertArrayEquals(hello, java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
            assertEquals(1, echo.answered());
        }
    }

    @Test
    void aClosedResponderRefusesAndItsPortCanBeBoundAgain() throws IOException {
        Responder mc = PAPER.start(ANY_LOOPBACK_PORT);
        int port = mc.port();
        mc.close();
        mc.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        try (Responder again = PAPER.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void aResponderRefusesAnAddressThatIsNotLoopback() {
        InetSocketAddress everywhere = new InetSocketAddress("0.0.0.0", 0);
        for (Game game : List.of(PAPER, CS2, new Game.Web("t", "s"), new Game.UdpEcho(),
                new Game.WithSilentTcp(CS2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> game.start(everywhere));
            assertTrue(e.getMessage().contains("loopback only"), e.getMessage());
        }
    }
}
