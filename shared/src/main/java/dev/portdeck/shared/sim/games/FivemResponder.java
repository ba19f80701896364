package dev.portdeck.shared.sim.games;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A FiveM server (FXServer): the HTTP endpoints on the game port over TCP and the quake-style `getinfo` over UDP on
 * the same port number, as the real server binds both.
 */
final class FivemResponder {

    private static final byte[] GETINFO = "\u00ff\u00ff\u00ff\u00ffgetinfo".getBytes(StandardCharsets.ISO_8859_1);

    private FivemResponder() {
    }

    /** Made at the first question, not when the demo starts: Jackson's start is a third of a second of a cold JVM. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static Responder start(Game.Fivem game, InetSocketAddress at) throws IOException {
        Map<String, HttpResponder.Page> pages = Map.of(
                "/info.json", json(() -> info(game)),
                "/dynamic.json", json(() -> dynamic(game)),
                "/players.json", json(() -> players(game)));
        return SamePort.bind(at, tcp -> new HttpResponder(tcp, "FXServer", pages),
                udp -> new UdpResponder(udp, in -> getinfo(game, in), "fivem"));
    }

    private static HttpResponder.Page json(java.util.function.Supplier<Object> body) {
        return new HttpResponder.Page("application/json", () -> {
            try {
                return Json.MAPPER.writeValueAsString(body.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static ObjectNode info(Game.Fivem game) {
        ObjectNode info = Json.MAPPER.createObjectNode().put("enhancedHostSupport", true).put("requestSteamTicket", "off")
                .put("server", game.server()).put("version", 1_089_532_618);
        ArrayNode resources = info.putArray("resources");
        game.resources().forEach(resources::add);
        info.putObject("vars").put("sv_maxClients", Integer.toString(game.maxClients()))
                .put("sv_projectName", game.hostname()).put("gamename", "gta5").put("sv_enforceGameBuild", "2944")
                .put("onesync_enabled", "true");
        return info;
    }

    private static ObjectNode dynamic(Game.Fivem game) {
        return Json.MAPPER.createObjectNode().put("clients", game.clients()).put("gametype", game.gameType())
                .put("hostname", game.hostname()).put("iv", "-1216462012").put("mapname", game.map())
                .put("sv_maxclients", Integer.toString(game.maxClients()));
    }

    /** Current servers hide the identifiers; names and pings stay. */
    private static ArrayNode players(Game.Fivem game) {
        ArrayNode players = Json.MAPPER.createArrayNode();
        for (int i = 1; i <= Math.min(game.clients(), 64); i++) {
            players.addObject().put("endpoint", "127.0.0.1").put("id", i).put("name", "Player" + i)
                    .put("ping", 20 + i).putArray("identifiers");
        }
        return players;
    }

    /** FF FF FF FF "getinfo xxx" → FF FF FF FF "infoResponse\n\key\value...". */
    private static List<byte[]> getinfo(Game.Fivem game, ByteBuffer in) {
        if (in.remaining() < GETINFO.length) {
            return List.of();
        }
        byte[] head = new byte[GETINFO.length];
        in.get(head);
        if (!java.util.Arrays.equals(head, GETINFO)) {
            return List.of();
        }
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        String challenge = new String(rest, StandardCharsets.ISO_8859_1).strip().replace("\0", "");
        String text = "infoResponse\n\\sv_maxclients\\" + game.maxClients()
                + "\\clients\\" + game.clients() + "\\challenge\\" + challenge + "\\gamename\\CitizenFX\\protocol\\4"
                + "\\hostname\\" + game.hostname().replace("\\", "") + "\\gametype\\" + game.gameType()
                + "\\mapname\\" + game.map() + "\\iv\\-1216462012";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return List.of(ByteBuffer.allocate(4 + utf8.length).putInt(-1).put(utf8).array());
    }
}
