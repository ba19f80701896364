package dev.portdeck.shared.sim.games;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A Bedrock server's answer to RakNet's unconnected ping (0x01, or 0x02 "open connections"): the 0x1C pong. */
final class RakNetPong {

    static final byte[] MAGIC = {0x00, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0xFE, (byte) 0xFE, (byte) 0xFE,
        (byte) 0xFE, (byte) 0xFD, (byte) 0xFD, (byte) 0xFD, (byte) 0xFD, 0x12, 0x34, 0x56, 0x78};

    private final Game.Bedrock game;
    private final long serverGuid = ThreadLocalRandom.current().nextLong();
    /** The port it answers on, named in the pong as Bedrock does. */
    private final int port;

    RakNetPong(Game.Bedrock game, int port) {
        this.game = game;
        this.port = port;
    }

    /** The pong for a ping; nothing for anything else (a wrong magic is not RakNet). */
    List<byte[]> answer(ByteBuffer in) {
        if (in.remaining() < 1 + 8 + MAGIC.length) {
            return List.of();
        }
        byte id = in.get();
        long time = in.getLong();
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if ((id != 0x01 && id != 0x02) || !Arrays.equals(magic, MAGIC)) {
            return List.of();
        }
        byte[] status = status().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 8 + MAGIC.length + 2 + status.length);
        out.put((byte) 0x1C).putLong(time).putLong(serverGuid).put(MAGIC).putShort((short) status.length).put(status);
        return List.of(out.array());
    }

    /** "MCPE;motd;protocol;version;online;max;guid;level;gamemode;1;port4;port6;", as Bedrock Dedicated Server sends. */
    private String status() {
        return "MCPE;" + game.motd() + ";" + game.protocol() + ";" + game.version() + ";" + game.online() + ";"
                + game.max() + ";" + Long.toUnsignedString(serverGuid) + ";" + game.level() + ";" + game.gameMode()
                + ";1;" + port + ";" + port + ";";
    }
}
