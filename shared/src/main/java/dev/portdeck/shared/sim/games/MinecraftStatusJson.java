package dev.portdeck.shared.sim.games;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** The status JSON of a Minecraft Java server, in the shape a vanilla 1.20 server writes. */
final class MinecraftStatusJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real server lists at most 12 players in the sample. */
    private static final int SAMPLE = 12;

    private MinecraftStatusJson() {
    }

    static String of(Game.MinecraftJava game) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("version").put("name", game.version()).put("protocol", game.protocol());
        ObjectNode players = root.putObject("players").put("max", game.max()).put("online", game.online());
        ArrayNode sample = players.putArray("sample");
        for (int i = 1; i <= Math.min(SAMPLE, game.online()); i++) {
            String name = "Player" + i;
            sample.addObject().put("name", name).put("id", UUID.nameUUIDFromBytes(name.getBytes()).toString());
        }
        root.putObject("description").put("text", game.motd());
        root.put("enforcesSecureChat", true);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
