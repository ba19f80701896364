package dev.portdeck.shared.sim.games;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A Minecraft Java server's side of the "Server List Ping": handshake, status request → status JSON, ping → pong
 * (then the server hangs up), and the legacy ping of clients up to 1.6 (first byte 0xFE) answered in the 1.6 format.
 */
final class MinecraftJavaConversation implements Conversation {

    /** The biggest packet a status client sends is a handshake with a 255-character host name. */
    private static final int MAX_PACKET = 1024;

    private enum Phase { HANDSHAKE, STATUS, DONE }

    private final Game.MinecraftJava game;
    private Phase phase = Phase.HANDSHAKE;

    MinecraftJavaConversation(Game.MinecraftJava game) {
        this.game = game;
    }

    @Override
    public byte[] receive(ByteBuffer in) {
        if (phase == Phase.HANDSHAKE && in.hasRemaining() && (in.get(in.position()) & 0xFF) == 0xFE) {
            in.position(in.limit()); // the rest of the legacy request may trickle in; it changes nothing
            phase = Phase.DONE;
            return legacyReply();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] packet;
        while (phase != Phase.DONE && (packet = nextPacket(in)) != null) {
            byte[] reply = answer(ByteBuffer.wrap(packet));
            if (reply != null) {
                out.writeBytes(reply);
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    @Override
    public boolean finished() {
        return phase == Phase.DONE;
    }

    /** The next whole packet (id and data), consumed; null when it has not all arrived. */
    private static byte[] nextPacket(ByteBuffer in) {
        int start = in.position();
        Integer length = VarInt.read(in);
        if (length == null) {
            return null;
        }
        if (length < 1 || length > MAX_PACKET) {
            throw new IllegalStateException("a packet of " + length + " bytes");
        }
        if (in.remaining() < length) {
            in.position(start);
            return null;
        }
        byte[] packet = new byte[length];
        in.get(packet);
        return packet;
    }

    private byte[] answer(ByteBuffer packet) {
        Integer id = VarInt.read(packet);
        if (id == null) {
            throw new IllegalStateException("a packet without an id");
        }
        if (phase == Phase.HANDSHAKE) {
            if (id != 0) {
                throw new IllegalStateException("expected a handshake, got packet " + id);
            }
            VarInt.read(packet); // protocol version: any is fine for a status ping
            Integer hostLength = VarInt.read(packet);
            if (hostLength == null || hostLength < 0 || hostLength + 2 > packet.remaining()) {
                throw new IllegalStateException("a handshake without a whole host name and port");
            }
            packet.position(packet.position() + hostLength + 2);
            Integer next = VarInt.read(packet);
            if (next == null || next != 1) {
                throw new IllegalStateException("only status (next state 1) is served, not " + next);
            }
            phase = Phase.STATUS;
            return null;
        }
        if (id == 0) {
            return frame(0, string(game.statusJson()));
        }
        if (id == 1 && packet.remaining() == 8) {
            phase = Phase.DONE;
            byte[] payload = new byte[8];
            packet.get(payload);
            return frame(1, payload);
        }
        throw new IllegalStateException("unexpected status packet " + id);
    }

    private static byte[] string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VarInt.write(out, utf8.length);
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    private static byte[] frame(int id, byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VarInt.write(body, id);
        body.writeBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VarInt.write(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** 0xFF, the length in UTF-16 units, then "§1\0protocol\0version\0motd\0online\0max" in UTF-16BE. */
    private byte[] legacyReply() {
        String text = "\u00a71\0" + game.protocol() + "\0" + game.version() + "\0" + game.motd() + "\0"
                + game.online() + "\0" + game.max();
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer out = ByteBuffer.allocate(3 + utf16.length);
        out.put((byte) 0xFF).putShort((short) text.length()).put(utf16);
        return out.array();
    }
}
